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
/// Behind a reverse proxy: X-Forwarded-For, -Proto, -Host and -Prefix are believed only from the proxies
/// ForwardedHeaders:KnownProxies or KnownNetworks list (none by default, loopback not either), for the client address
/// the sign-in rate limit counts, the Secure flag of the session cookie, a WebSocket's own origin and the path base of
/// links. Links are never built from the Host header: relative, or from Server:PublicBaseUrl.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string TrustLoopback = "--ForwardedHeaders:KnownProxies:0=127.0.0.1";

    /// <summary>A proxy that is not this test's client: forwarded headers are read, but not from loopback.</summary>
    private const string TrustAnotherProxy = "--ForwardedHeaders:KnownProxies:0=192.0.2.1";

    private const string Inputs = "query($id: ID!) { experiment(id: $id) { inputs { downloadUrl } } }";

    private static readonly (string, string)[] SpoofedHost =
        [("Host", "evil.example"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Prefix", "/api")];

    [Theory]
    [InlineData(null)]
    [InlineData(TrustAnotherProxy)]
    public async Task An_untrusted_forwarded_for_gives_no_fresh_rate_limit_bucket(string? trust)
    {
        await using var server = await AccountsServer.StartAsync(["--Accounts:RateLimit:PermitLimit=2", .. Settings(trust)]);
        using var client = Client(server);

        Assert.Equal(AccountsErrorCodes.InvalidCredentials, await SignInCodeAsync(client, "203.0.113.1"));
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, await SignInCodeAsync(client, "203.0.113.2"));
        Assert.Equal(RateLimitErrorCodes.RateLimited, await SignInCodeAsync(client, "203.0.113.3"));
    }

    [Theory]
    [InlineData(TrustLoopback)]
    [InlineData("--ForwardedHeaders:KnownNetworks:0=127.0.0.0/8")]
    public async Task A_trusted_proxys_forwarded_for_is_the_client_the_rate_limit_counts(string trust)
    {
        await using var server = await AccountsServer.StartAsync("--Accounts:RateLimit:PermitLimit=2", trust);
        using var client = Client(server);

        Assert.Equal(AccountsErrorCodes.InvalidCredentials, await SignInCodeAsync(client, "203.0.113.1"));
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, await SignInCodeAsync(client, "203.0.113.1"));
        Assert.Equal(RateLimitErrorCodes.RateLimited, await SignInCodeAsync(client, "203.0.113.1"));
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, await SignInCodeAsync(client, "203.0.113.2"));
        // A chain: the proxy says it was given the request by 203.0.113.9, which is no trusted proxy: that is the client.
        Assert.Equal(AccountsErrorCodes.InvalidCredentials, await SignInCodeAsync(client, "198.51.100.7, 203.0.113.9"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(TrustAnotherProxy, false)]
    [InlineData(TrustLoopback, true)]
    public async Task The_session_cookie_is_Secure_when_a_trusted_proxy_says_the_client_used_https(string? trust, bool secure)
    {
        await using var server = await AccountsServer.StartAsync(Settings(trust));
        using var client = Client(server);

        var answer = await PostAsync(
            client, Operations.CreateUser, new { email = "proto@example.org", password = "correct horse battery" }, ("X-Forwarded-Proto", "https"));

        var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ipp_session=", cookie);
        Assert.Equal(secure, cookie.Split(';').Select(attribute => attribute.Trim()).Contains("secure", StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(TrustAnotherProxy, "")]
    [InlineData(TrustLoopback, "/api")]
    public async Task Links_are_relative_and_never_name_the_Host_only_a_trusted_prefix(string? trust, string pathBase)
    {
        await using var server = await WriteFixture.StartAsync(Settings(trust));
        var (experimentId, token) = await CreateExperimentWithAFileAsync(server);
        using var client = Client(server);

        var answer = await PostAsync(client, Inputs, new { id = experimentId }, [("Authorization", "Bearer " + token), .. SpoofedHost]);

        Assert.Equal($"{pathBase}/experiments/{experimentId}/files/scan.nii", DownloadUrl(answer));
        Assert.DoesNotContain("evil.example", answer.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TrustLoopback)]
    public async Task Links_start_with_the_public_base_url_whatever_the_headers(string? trust)
    {
        await using var server = await WriteFixture.StartAsync([.. Settings(trust), "--Server:PublicBaseUrl=https://portal.example.org/ipp/"]);
        var (experimentId, token) = await CreateExperimentWithAFileAsync(server);
        using var client = Client(server);

        var plain = await PostAsync(client, Inputs, new { id = experimentId }, ("Authorization", "Bearer " + token));
        var spoofed = await PostAsync(client, Inputs, new { id = experimentId }, [("Authorization", "Bearer " + token), .. SpoofedHost]);

        Assert.Equal($"https://portal.example.org/ipp/experiments/{experimentId}/files/scan.nii", DownloadUrl(plain));
        Assert.Equal(DownloadUrl(plain), DownloadUrl(spoofed));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(TrustAnotherProxy, false)]
    [InlineData(TrustLoopback, true)]
    public async Task A_WebSockets_own_origin_is_the_scheme_and_host_a_trusted_proxy_forwards(string? trust, bool trusted)
    {
        await using var server = await AccountsServer.StartAsync(Settings(trust));
        var token = await AccountsClient.SignUpAsync(server, "socket@example.org");

        // The page is https://portal.example.org, which the proxy serves the API at: the server's own origin, if believed.
        var me = await WebSocketOriginTests.MeAsync(
            server, token, "https://portal.example.org", initToken: null, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "portal.example.org"));

        Assert.Equal(trusted ? "socket@example.org" : null, me);
    }

    private static string[] Settings(string? trust) => trust is null ? [] : [trust];

    private static HttpClient Client(RunningServer server) =>
        new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.Address };

    /// <summary>POSTs a GraphQL request with exactly the headers given (besides Accept and Content-Type).</summary>
    private static Task<HttpAnswer> PostAsync(HttpClient client, string query, object? variables, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Post, "graphql", JsonSerializer.SerializeToUtf8Bytes(new { query, variables }), "application/json", "application/json", headers);

    /// <summary>A failed sign-in said to come, through a proxy, from <paramref name="forwardedFor"/>; its error code.</summary>
    private static async Task<string?> SignInCodeAsync(HttpClient client, string forwardedFor)
    {
        var answer = await PostAsync(
            client, Operations.Authenticate, new { email = "nobody@example.org", password = "wrong password" }, ("X-Forwarded-For", forwardedFor));
        return answer.Json.GetProperty("data").GetProperty("authenticate").GetProperty("errors")[0].GetProperty("code").GetString();
    }

    /// <summary>A user, and an experiment of theirs created through the real multipart request with one file, scan.nii.</summary>
    private static async Task<(string ExperimentId, string Token)> CreateExperimentWithAFileAsync(RunningServer server)
    {
        using var http = new GraphQLHttp(server);
        var user = await WriteFixture.SignUpAsync(http, "links@example.org");
        using var client = server.CreateClient();
        var created = await WriteMultipart.CreateAsync(
            client, user.Token, new { application = "demo", name = "Links" }, new WriteMultipart.FilePart("images", "scan.nii", new byte[16]));
        var id = created.Data("createExperiment").GetProperty("experiment").GetProperty("id").GetString()!;
        return (id, user.Token);
    }

    private static string? DownloadUrl(HttpAnswer answer) =>
        answer.Json.GetProperty("data").GetProperty("experiment").GetProperty("inputs")[0].GetProperty("downloadUrl").GetString();
}
