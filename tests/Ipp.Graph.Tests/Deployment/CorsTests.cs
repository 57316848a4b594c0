using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;

namespace Ipp.Graph.Tests.Deployment;

/// <summary>
/// CORS over plain HTTP: the origins of Cors:AllowedOrigins (none by default) get their preflights answered and their
/// responses opened to their scripts with credentials (the exact origin echoed, Vary: Origin, Retry-After exposed);
/// any other origin gets no CORS header at all, so the browser keeps the answer from its page.
/// </summary>
public sealed class CorsTests
{
    private const string Portal = "http://localhost:3000";

    private static readonly string[] ClientHeaders =
        ["content-type", "authorization", "graphql-preflight", "apollo-require-preflight", "x-apollo-operation-name"];

    [Fact]
    public async Task An_allowed_origins_preflight_is_answered_for_credentials_and_the_headers_GraphQL_clients_send()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        var preflight = await PreflightAsync(client, Portal, "POST", string.Join(", ", ClientHeaders));

        Assert.Equal(204, preflight.Status);
        Assert.Equal(Portal, preflight.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", preflight.Header("Access-Control-Allow-Credentials"));
        Assert.Equal(["GET", "POST"], List(preflight.Header("Access-Control-Allow-Methods")).Order());
        Assert.Superset(ClientHeaders.ToHashSet(), List(preflight.Header("Access-Control-Allow-Headers")).Select(h => h.ToLowerInvariant()).ToHashSet());
        Assert.Contains("Origin", List(preflight.Header("Vary")));
        Assert.Equal("600", preflight.Header("Access-Control-Max-Age"));
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("https://portal.example.org")]
    public async Task An_allowed_origins_request_is_answered_with_its_origin_echoed(string origin)
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        var answer = await PostAsync(client, origin);

        Assert.Equal(200, answer.Status);
        Assert.Equal(origin, answer.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", answer.Header("Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", List(answer.Header("Vary")));
        Assert.Equal(["Retry-After"], List(answer.Header("Access-Control-Expose-Headers")));
    }

    [Theory]
    [InlineData("http://localhost:3001")]
    [InlineData("https://localhost:3000")]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    public async Task Another_origin_gets_no_CORS_header_at_all(string origin)
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        var preflight = await PreflightAsync(client, origin, "POST", "content-type");
        var answer = await PostAsync(client, origin);

        Assert.Empty(CorsHeaders(preflight));
        Assert.Empty(CorsHeaders(answer));
    }

    [Fact]
    public async Task Without_allowed_origins_no_origin_gets_CORS()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();

        var preflight = await PreflightAsync(client, Portal, "POST", "content-type");
        var answer = await PostAsync(client, Portal);

        Assert.Equal(405, preflight.Status);
        Assert.Empty(CorsHeaders(preflight));
        Assert.Empty(CorsHeaders(answer));
    }

    private static Task<RunningServer> StartAsync() =>
        AccountsServer.StartAsync("--Cors:AllowedOrigins:0=https://portal.example.org", "--Cors:AllowedOrigins:1=" + Portal);

    private static Task<HttpAnswer> PreflightAsync(HttpClient client, string origin, string method, string headers) =>
        client.SendAsync(
            HttpMethod.Options, "graphql", null, null, null,
            ("Origin", origin), ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", headers));

    private static Task<HttpAnswer> PostAsync(HttpClient client, string origin) =>
        client.SendAsync(
            HttpMethod.Post, "graphql", JsonSerializer.SerializeToUtf8Bytes(new { query = "{ me { email } }" }), "application/json", "application/json",
            ("Origin", origin));

    private static string[] List(string? header) =>
        header?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The names of the response's Access-Control-* headers.</summary>
    private static IEnumerable<string> CorsHeaders(HttpAnswer answer) =>
        answer.Headers.Concat(answer.ContentHeaders)
            .Select(header => header.Key)
            .Where(name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
}
