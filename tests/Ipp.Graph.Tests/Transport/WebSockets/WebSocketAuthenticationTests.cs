using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// Who a WebSocket connection's operations run for: the token of the connection_init payload's authorization
/// (as "Bearer &lt;token&gt;" or bare), authenticated through ICallerAuthenticator; without one, the caller of the upgrade
/// request. An unknown token is anonymous; an authorization that cannot be a token refuses the connection (4403).
/// </summary>
public sealed class WebSocketAuthenticationTests
{
    [Theory]
    [InlineData("""{"authorization":"Bearer valid-token"}""")]
    [InlineData("""{"authorization":"bearer   valid-token "}""")]
    [InlineData("""{"authorization":"valid-token"}""")]
    [InlineData("""{"Authorization":"Bearer valid-token"}""")]
    public async Task The_token_of_connection_init_is_the_caller_of_every_operation(string payload)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server, payload);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ caller }"}}""");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"caller":"tester"}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"subscription { secret }"}}""");
        Assert.Equal("""{"id":"2","type":"next","payload":{"data":{"secret":"tester"}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"2","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("""{"authorization":"Bearer wrong-token"}""")]
    [InlineData("""{"authorization":""}""")]
    [InlineData("""{"authorization":null}""")]
    [InlineData("""{}""")]
    public async Task An_unknown_or_missing_token_leaves_the_connection_anonymous(string payload)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server, payload);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ caller }"}}""");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"caller":null}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"subscription { secret }"}}""");
        Assert.Equal(
            """{"id":"2","type":"error","payload":[{"message":"Sign in to see this.","locations":[{"line":1,"column":16}],"path":["secret"],"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}]}""",
            await socket.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("""{"authorization":42}""", "Forbidden: authorization must be a string")]
    [InlineData("""{"authorization":{"token":"valid-token"}}""", "Forbidden: authorization must be a string")]
    [InlineData("""{"authorization":"Basic dXNlcjpwYXNz"}""", "Forbidden: unsupported authorization scheme (use Bearer)")]
    public async Task An_authorization_that_cannot_be_a_token_is_closed_with_4403(string payload, string reason)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-transport-ws");

        await socket.SendAsync($$"""{"type":"connection_init","payload":{{payload}}}""");

        await socket.AssertClosedAsync(4403, reason);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task An_authenticator_that_fails_closes_the_socket_with_4500_and_a_correlation_id_logged_with_the_exception()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-transport-ws");

        await socket.SendAsync("""{"type":"connection_init","payload":{"authorization":"failing-token"}}""");

        var (code, reason, before) = await socket.ReceiveCloseAsync();
        Assert.Empty(before);
        Assert.Equal(4500, code);
        Assert.Matches("^Internal server error [0-9a-f]{32}$", reason);
        var logged = Assert.Single(server.Logs.Errors);
        Assert.Contains(reason["Internal server error ".Length..], logged.Message);
        Assert.Equal("the session store is down: secret internals", logged.Exception!.Message);
    }

    [Fact]
    public async Task The_legacy_protocol_authenticates_connection_init_the_same_way()
    {
        await using var server = await StreamingServer.StartAsync();
        await using (var socket = await TestSocket.ConnectAsync(server, "graphql-ws"))
        {
            await socket.SendAsync("""{"type":"connection_init","payload":{"authorization":"Bearer valid-token"}}""");
            Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
            Assert.Equal("""{"type":"ka"}""", await socket.ReceiveTextAsync());
            await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ caller }"}}""");
            Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"caller":"tester"}}}""", await socket.ReceiveTextAsync());
        }

        await using (var refused = await TestSocket.ConnectAsync(server, "graphql-ws"))
        {
            await refused.SendAsync("""{"type":"connection_init","payload":{"authorization":"Basic abc"}}""");
            var (code, reason, before) = await refused.ReceiveCloseAsync();
            Assert.Equal(["""{"type":"connection_error","payload":{"message":"Forbidden: unsupported authorization scheme (use Bearer)"}}"""], before);
            Assert.Equal((4403, "Forbidden: unsupported authorization scheme (use Bearer)"), (code, reason));
        }
    }

    [Fact]
    public async Task A_real_session_token_in_connection_init_signs_the_connection_in_and_a_wrong_one_leaves_it_anonymous()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, "ws-user@example.org");

        await using (var socket = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"Bearer {{token}}"}"""))
        {
            await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}""");
            Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":{"email":"ws-user@example.org"}}}}""", await socket.ReceiveTextAsync());
        }

        await using (var anonymous = await TestSocket.InitialisedAsync(server, """{"authorization":"Bearer not-a-real-token"}"""))
        {
            await anonymous.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}""");
            Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":null}}}""", await anonymous.ReceiveTextAsync());
            Assert.Equal("""{"id":"1","type":"complete"}""", await anonymous.ReceiveTextAsync());

            await anonymous.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"subscription { sessionEnded { reason } }"}}""");
            var error = await anonymous.ReceiveJsonAsync();
            Assert.Equal("error", error.GetProperty("type").GetString());
            Assert.Equal("AUTH_NOT_AUTHENTICATED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Without_an_authorization_in_connection_init_the_caller_of_the_upgrade_request_applies()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, "header-user@example.org");
        await using var socket = await TestSocket.ConnectAsync(server, options => options.SetRequestHeader("Authorization", "Bearer " + token), "graphql-transport-ws");
        await socket.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}""");

        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":{"email":"header-user@example.org"}}}}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task SessionEnded_over_a_socket_delivers_one_event_when_the_user_signs_in_again_then_completes()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, "watcher@example.org");
        await using var socket = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"{{token}}"}""");
        await socket.SendAsync("""{"id":"s","type":"subscribe","payload":{"query":"subscription { sessionEnded { reason } }"}}""");

        // A round trip after the subscribe: the server handled it (and checked the session) before answering.
        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveTextAsync());
        await AccountsClient.SignInAsync(server, "watcher@example.org");

        Assert.Equal("""{"id":"s","type":"next","payload":{"data":{"sessionEnded":{"reason":"REPLACED"}}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"s","type":"complete"}""", await socket.ReceiveTextAsync());
        Assert.Empty(server.Logs.Errors);
    }
}
