using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.RateLimiting;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Deployment;

/// <summary>
/// The headers of GraphQL responses for caches and clients: each response is its caller's alone and some carry a
/// session token, so none may be stored (<c>Cache-Control: no-store</c>), over HTTP and Server-Sent Events, whatever
/// the answer; a sign-in attempt refused by the rate limit says when to try again in <c>Retry-After</c> as well.
/// </summary>
public sealed class ResponseHeadersTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task No_GraphQL_response_may_be_stored_those_carrying_a_token_first()
    {
        await using var server = await AccountsServer.StartAsync();
        using var client = server.CreateClient();

        var created = await PostAsync(client, Operations.CreateUser, new { email = "store@example.org", password = Password });
        var signedIn = await PostAsync(client, Operations.Authenticate, new { email = "store@example.org", password = Password });
        var query = await client.GetGraphQLAsync("query=" + Uri.EscapeDataString("{ __typename }"), "application/json");
        var malformed = await client.PostAsync("{not json", "application/json");

        Assert.Contains("\"token\"", created.Body);
        Assert.Contains("\"token\"", signedIn.Body);
        Assert.Equal(400, malformed.Status);
        foreach (var answer in new[] { created, signedIn, query, malformed })
        {
            Assert.Equal("no-store", answer.Header("Cache-Control"));
        }
    }

    [Fact]
    public async Task An_event_stream_carrying_a_token_may_not_be_stored_either()
    {
        await using var server = await AccountsServer.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { query = Operations.CreateUser, variables = new { email = "stream@example.org", password = Password } }),
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await client.SendAsync(request);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"token\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_21st_sign_in_attempt_in_a_window_gets_Retry_After_equal_to_the_errors_retryAfter()
    {
        // The default permit limit (20 attempts); a long window so that none ends while the test runs.
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Accounts:RateLimit:Window=00:10:00");
        using var client = server.CreateClient();
        var attempt = new { email = "guess@example.org", password = "wrong password" };

        for (var i = 0; i < 20; i++)
        {
            var allowed = await PostAsync(client, Operations.Authenticate, attempt);
            Assert.Equal(AccountsErrorCodes.InvalidCredentials, PayloadError(allowed).GetProperty("code").GetString());
            Assert.Null(allowed.Header("Retry-After"));
        }

        var refused = await PostAsync(client, Operations.Authenticate, attempt);

        var error = PayloadError(refused);
        Assert.Equal(RateLimitErrorCodes.RateLimited, error.GetProperty("code").GetString());
        var retryAfter = error.GetProperty("retryAfter").GetInt32();
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal(retryAfter.ToString(CultureInfo.InvariantCulture), refused.Header("Retry-After"));
    }

    [Fact]
    public async Task Creating_experiments_too_fast_gets_Retry_After_too()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:CreateRateLimit:PermitLimit=1", "--Experiments:CreateRateLimit:Window=00:10:00");
        using var http = new GraphQLHttp(server);
        var ada = await WriteFixture.SignUpAsync(http, "ada@example.org");
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ada.Token);
        var input = new { input = new { application = "demo", name = "Draft", draft = true } };

        var allowed = await PostAsync(client, WriteFixture.Create, input);
        var refused = await PostAsync(client, WriteFixture.Create, input);

        Assert.Null(allowed.Header("Retry-After"));
        var error = refused.Json.GetProperty("data").GetProperty("createExperiment").GetProperty("errors")[0];
        Assert.Equal(RateLimitErrorCodes.RateLimited, error.GetProperty("code").GetString());
        Assert.Equal(error.GetProperty("retryAfter").GetInt32().ToString(CultureInfo.InvariantCulture), refused.Header("Retry-After"));
    }

    /// <summary>The only error in the <c>authenticate</c> payload.</summary>
    private static JsonElement PayloadError(HttpAnswer answer) =>
        Assert.Single(answer.Json.GetProperty("data").GetProperty("authenticate").GetProperty("errors").EnumerateArray());

    private static Task<HttpAnswer> PostAsync(HttpClient client, string query, object variables) =>
        client.PostAsync(JsonSerializer.Serialize(new { query, variables }), "application/json");
}
