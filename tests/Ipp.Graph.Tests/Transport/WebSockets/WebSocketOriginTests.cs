using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// Cross-site WebSocket hijacking: a browser sends the session cookie with an upgrade request from any page of the same
/// site, so the cookie speaks for the user only when the Origin header is the server's own (scheme, host and port) or
/// one of Cors:AllowedOrigins, the one list of origins trusted with the browser's credentials; from any other page the
/// connection starts anonymous (and may still sign in with a token in connection_init). Clients that send no Origin
/// are not browsers and keep the caller of their request.
/// </summary>
public sealed class WebSocketOriginTests
{
    private const string Email = "origin@example.org";

    [Fact]
    public async Task The_servers_own_pages_and_clients_without_an_origin_keep_the_cookies_user()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, Email);
        var own = server.Address.GetLeftPart(UriPartial.Authority);

        Assert.Equal(Email, await MeAsync(server, token, own));
        Assert.Equal(Email, await MeAsync(server, token, own.ToUpperInvariant()));
        Assert.Equal(Email, await MeAsync(server, token, origin: null));
    }

    [Fact]
    public async Task The_servers_host_and_port_under_another_scheme_is_another_origin()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, Email);
        var ownHostOverHttps = new UriBuilder(server.Address) { Scheme = "https" }.Uri.GetLeftPart(UriPartial.Authority);

        // The server is http://127.0.0.1:port; a page of https://127.0.0.1:port is not its page.
        Assert.Null(await MeAsync(server, token, ownHostOverHttps));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://evil.example")]
    [InlineData("https://portal.example.org.evil.example")]
    [InlineData("null")]
    [InlineData("not an origin")]
    public async Task Another_pages_socket_starts_anonymous_whatever_cookie_the_browser_sends(string origin)
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Cors:AllowedOrigins:0=https://portal.example.org");
        var token = await AccountsClient.SignUpAsync(server, Email);

        Assert.Null(await MeAsync(server, token, origin));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Another_page_may_still_sign_its_socket_in_with_a_token_in_connection_init()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, Email);

        Assert.Equal(Email, await MeAsync(server, cookieToken: null, "http://evil.example", initToken: token));
    }

    [Theory]
    [InlineData("https://portal.example.org", "https://portal.example.org")]
    [InlineData("HTTPS://Portal.Example.org/", "https://portal.example.org")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    public async Task An_allowed_origins_pages_keep_the_cookies_user(string allowed, string origin)
    {
        await using var server = await RunningServer.StartAsync(
            AccountsClient.FastHashing, "--Cors:AllowedOrigins:0=https://other.example", "--Cors:AllowedOrigins:1=" + allowed);
        var token = await AccountsClient.SignUpAsync(server, Email);

        Assert.Equal(Email, await MeAsync(server, token, origin));
        // The same origin but for its scheme (https → http) or port (3000 → 3001) is another origin.
        Assert.Null(await MeAsync(server, token, origin.Replace("s://", "://", StringComparison.Ordinal).Replace(":3000", ":3001", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The email <c>me</c> answers on a graphql-transport-ws connection opened as told (with further
    /// <paramref name="headers"/> on the upgrade request); null when anonymous.
    /// </summary>
    internal static async Task<string?> MeAsync(
        RunningServer server, string? cookieToken, string? origin, string? initToken = null, params (string Name, string Value)[] headers)
    {
        await using var socket = await TestSocket.ConnectAsync(
            server,
            options =>
            {
                if (cookieToken is not null)
                {
                    options.SetRequestHeader("Cookie", "ipp_session=" + cookieToken);
                }

                if (origin is not null)
                {
                    options.SetRequestHeader("Origin", origin);
                }

                foreach (var (name, value) in headers)
                {
                    options.SetRequestHeader(name, value);
                }
            },
            "graphql-transport-ws");
        await socket.SendAsync(initToken is null
            ? """{"type":"connection_init"}"""
            : $$$"""{"type":"connection_init","payload":{"authorization":"Bearer {{{initToken}}}"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}""");
        var me = (await socket.ReceiveJsonAsync()).GetProperty("payload").GetProperty("data").GetProperty("me");
        return me.ValueKind == System.Text.Json.JsonValueKind.Null ? null : me.GetProperty("email").GetString();
    }
}
