using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Deployment;

/// <summary>
/// A frontend on another origin, as a browser runs it (headless Chromium driven by tests/js/cors/cross-origin-page.mjs):
/// a page of an origin in Cors:AllowedOrigins (another port of 127.0.0.1: the same site, so the SameSite=Strict
/// cookie goes along) signs up with fetch and credentials, then is the signed-in user with the session cookie alone,
/// over HTTP and over its WebSocket; a page of an origin not allowed, in the same browser holding the same cookie,
/// gets no answer from fetch and an anonymous WebSocket.
/// </summary>
public sealed class CrossOriginBrowserTests
{
    [Fact]
    public async Task An_allowed_origins_page_signs_in_and_uses_the_cookie_another_origins_page_gets_nothing()
    {
        var allowedPort = FreePort.Take();
        var otherPort = FreePort.Take();
        while (otherPort == allowedPort)
        {
            otherPort = FreePort.Take();
        }

        await using var server = await AccountsServer.StartAsync($"--Cors:AllowedOrigins:0=http://127.0.0.1:{allowedPort}");
        var input = JsonSerializer.Serialize(new
        {
            graphql = new Uri(server.Address, "graphql").ToString(),
            allowedPort,
            otherPort,
            createUser = Operations.CreateUser,
            email = "frontend@example.org",
            password = "correct horse battery",
        });

        var output = await Task.Run(() => NodeRunner.Run("cors/cross-origin-page.mjs", input));

        using var outcome = JsonDocument.Parse(output);
        var allowed = outcome.RootElement.GetProperty("allowed");
        Assert.Equal("frontend@example.org", allowed.GetProperty("signedUp").GetString());
        Assert.Equal("frontend@example.org", allowed.GetProperty("me").GetString());
        Assert.Equal("frontend@example.org", allowed.GetProperty("socketMe").GetString());
        Assert.Equal("""{"httpOnly":true,"sameSite":"Strict"}""", allowed.GetProperty("cookie").GetRawText());

        var other = outcome.RootElement.GetProperty("other");
        Assert.Equal("TypeError: Failed to fetch", other.GetProperty("fetchError").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("socketMe").ValueKind);
        Assert.Empty(server.Logs.Errors);
    }
}
