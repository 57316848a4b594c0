using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>
/// Posts GraphQL operations to a running server over HTTP, as a non-browser client does: no cookie jar (a test
/// sends a cookie only when it says so), the token in <c>Authorization: Bearer</c> when given.
/// </summary>
public sealed class GraphQLHttp : IDisposable
{
    private readonly HttpClient _client;

    public GraphQLHttp(RunningServer server) =>
        _client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.Address };

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null, string? cookie = null) =>
        SendAsync(JsonContent.Create(new { query, variables }), token, cookie);

    /// <summary>
    /// Posts an operation whose variables are JSON text as given, sent byte for byte: what a serializer would refuse
    /// to write, such as <c>"\ud800"</c> (an escaped lone surrogate), reaches the server as a client could send it.
    /// </summary>
    public Task<GraphQLResponse> PostWithRawVariablesAsync(string query, string variablesJson) =>
        SendAsync(new StringContent($$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variablesJson}}}""", Encoding.UTF8, "application/json"), null, null);

    private async Task<GraphQLResponse> SendAsync(HttpContent content, string? token, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), cookies);
    }

    /// <summary>Creates an account; its token.</summary>
    public async Task<string> CreateUserAsync(string email, string password = "correct horse battery")
    {
        var response = await PostAsync(Operations.CreateUser, new { email, password });
        return response.Data("createUser").GetProperty("token").GetString()
            ?? throw new InvalidOperationException("createUser gave no token: " + response.Body);
    }

    /// <summary>Signs in; the new token.</summary>
    public async Task<string> AuthenticateAsync(string email, string password = "correct horse battery")
    {
        var response = await PostAsync(Operations.Authenticate, new { email, password });
        return response.Data("authenticate").GetProperty("token").GetString()
            ?? throw new InvalidOperationException("authenticate gave no token: " + response.Body);
    }

    /// <summary>The email of the caller the token names; null when it names none.</summary>
    public async Task<string?> MeAsync(string? token = null, string? cookie = null)
    {
        var response = await PostAsync("{ me { email } }", token: token, cookie: cookie);
        var me = response.Data("me");
        return me.ValueKind == JsonValueKind.Null ? null : me.GetProperty("email").GetString();
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A GraphQL response over HTTP.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonElement Body, IReadOnlyList<string> SetCookies)
{
    /// <summary>The value of a root field; fails when the response has errors.</summary>
    public JsonElement Data(string field)
    {
        Assert.False(Body.TryGetProperty("errors", out _), "Unexpected errors: " + Body.GetRawText());
        return Body.GetProperty("data").GetProperty(field);
    }

    /// <summary>
    /// The only entry of the payload's <c>errors</c> (a problem the user can act on) returned by the mutation
    /// <paramref name="field"/>; fails when the response has top-level errors or the mutation succeeded.
    /// </summary>
    public JsonElement PayloadError(string field)
    {
        var payload = Data(field);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Name != "errors")
            {
                Assert.Equal(JsonValueKind.Null, property.Value.ValueKind);
            }
        }

        return error;
    }

    /// <summary>The <c>code</c> of the only payload error of the mutation <paramref name="field"/>.</summary>
    public string? PayloadErrorCode(string field) => PayloadError(field).GetProperty("code").GetString();

    /// <summary>The only error of the response.</summary>
    public JsonElement Error => Assert.Single(Body.GetProperty("errors").EnumerateArray());

    /// <summary>The only error's <c>extensions.code</c>.</summary>
    public string? ErrorCode => Error.GetProperty("extensions").GetProperty("code").GetString();

    /// <summary>The only error's message.</summary>
    public string? ErrorMessage => Error.GetProperty("message").GetString();
}

/// <summary>The operations the accounts tests send.</summary>
public static class Operations
{
    public const string CreateUser =
        "mutation($email: String!, $password: String!) { createUser(input: {email: $email, password: $password}) { token expiresAt user { id email roles createdAt } "
        + "errors { __typename ... on Error { code message } ... on RateLimitedError { retryAfter } ... on InvalidPasswordError { minBytes maxBytes } } } }";

    public const string Authenticate =
        "mutation($email: String!, $password: String!) { authenticate(input: {email: $email, password: $password}) { token expiresAt user { id email roles createdAt } "
        + "errors { __typename ... on Error { code message } ... on RateLimitedError { retryAfter } } } }";

    public const string Logout = "mutation { logout { loggedOut } }";
}

/// <summary>Instants as the DateTime scalar writes them.</summary>
public static class Instants
{
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
