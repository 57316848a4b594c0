using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Accounts.AccessTokens;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>
/// Personal access tokens over the real server: made by a signed-in user, shown once and stored as a hash, working as
/// a Bearer token on every transport, listed with their last use, revoked at once (what they opened ending too),
/// apart from the interactive session, and unable to make or revoke tokens.
/// </summary>
public sealed class AccessTokenTests
{
    private static DateTimeOffset InAMonth => DateTimeOffset.UtcNow.AddDays(30);

    [Fact]
    public async Task A_token_is_shown_once_stored_only_as_its_hash_and_works_as_a_bearer_token_over_http()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");

        var response = await AccessTokenCalls.CreateAsync(http, session, "  nightly export  ", InAMonth, readOnly: false);

        var payload = response.Data("createAccessToken");
        var token = payload.GetProperty("token").GetString()!;
        Assert.Matches("^ipp_pat_[A-Za-z0-9_-]{43}$", token);
        var made = payload.GetProperty("accessToken");
        Assert.Equal("nightly export", made.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, made.GetProperty("lastUsedAt").ValueKind);
        Assert.False(made.GetProperty("readOnly").GetBoolean());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token))), Convert.ToHexString((byte[])(await server.Database.ScalarAsync("SELECT token_hash FROM access_tokens"))!));
        var stored = Encoding.UTF8.GetString(await server.Database.StoredBytesAsync());
        Assert.DoesNotContain(token["ipp_pat_".Length..], stored, StringComparison.Ordinal);

        Assert.Equal("ada@example.org", await http.MeAsync(token));
        var listed = Assert.Single(await AccessTokenCalls.ListAsync(http, session));
        Assert.Equal(made.GetProperty("id").GetString(), listed.GetProperty("id").GetString());
        Assert.Equal(made.GetProperty("expiresAt").GetString(), listed.GetProperty("expiresAt").GetString());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(token, listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "readOnly"], listed.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Revoking_a_token_refuses_it_at_once_even_where_its_caller_was_remembered()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, id) = await AccessTokenCalls.MakeAsync(http, session, "script", InAMonth);
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        var revoked = await http.PostAsync(AccessTokenCalls.Revoke, new { id }, session);

        Assert.Equal(id, revoked.Data("revokeAccessToken").GetProperty("revokedId").GetString());
        Assert.Null(await http.MeAsync(token));
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (await http.PostAsync("{ experiments { totalCount } }", token: token)).ErrorCode);
        Assert.Empty(await AccessTokenCalls.ListAsync(http, session));
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM access_tokens"));
        Assert.Equal("ada@example.org", await http.MeAsync(session));
    }

    [Fact]
    public async Task A_token_signs_in_a_websocket_whose_connection_closes_when_the_token_is_revoked()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, id) = await AccessTokenCalls.MakeAsync(http, session, "notebook", InAMonth);
        await using var socket = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"Bearer {{token}}"}""");

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}""");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":{"email":"ada@example.org"}}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());
        await http.PostAsync(AccessTokenCalls.Revoke, new { id }, session);

        var (code, reason, _) = await socket.ReceiveCloseAsync();
        Assert.Equal(4403, code);
        Assert.Equal("Forbidden: the session ended", reason);
    }

    [Fact]
    public async Task A_websocket_signed_in_by_a_token_closes_when_the_token_expires()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, "--Accounts:ExpiryCheckInterval=00:00:00.05");
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, _) = await AccessTokenCalls.MakeAsync(http, session, "notebook", clock.GetUtcNow().AddHours(1));
        // The socket watches its caller's credential from its connection_ack on.
        await using var socket = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"{{token}}"}""");

        clock.Advance(TimeSpan.FromHours(1));

        await socket.AssertClosedAsync(4403, "Forbidden: the session ended");
        Assert.Null(await http.MeAsync(token));
        Assert.Equal(1L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM access_tokens"));
    }

    [Fact]
    public async Task A_token_opens_an_sse_subscription_that_hears_its_revocation()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, id) = await AccessTokenCalls.MakeAsync(http, session, "watcher", InAMonth);

        var ended = await AccessServers.FirstEventAsync(
            server, "subscription { sessionEnded { reason } }", null, token, () => http.PostAsync(AccessTokenCalls.Revoke, new { id }, session));

        Assert.Equal("""{"data":{"sessionEnded":{"reason":"REVOKED"}}}""", ended.GetRawText());
    }

    [Fact]
    public async Task Signing_in_again_or_out_ends_no_token_and_logout_with_a_token_ends_nothing()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var first = await http.CreateUserAsync("ada@example.org");
        var (token, _) = await AccessTokenCalls.MakeAsync(http, first, "script", InAMonth);

        var second = await http.AuthenticateAsync("ada@example.org");
        Assert.Null(await http.MeAsync(first));
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        Assert.False((await http.PostAsync(Operations.Logout, token: token)).Data("logout").GetProperty("loggedOut").GetBoolean());
        Assert.Equal("ada@example.org", await http.MeAsync(second));
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        Assert.True((await http.PostAsync(Operations.Logout, token: second)).Data("logout").GetProperty("loggedOut").GetBoolean());
        Assert.Equal("ada@example.org", await http.MeAsync(token));
    }

    [Fact]
    public async Task A_token_can_neither_make_nor_revoke_tokens_and_nothing_changes()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, id) = await AccessTokenCalls.MakeAsync(http, session, "full", InAMonth, readOnly: false);
        Assert.Equal("ada@example.org", await http.MeAsync(token));
        var before = await server.Database.RowsAsync();

        var made = await AccessTokenCalls.CreateAsync(http, token, "successor", InAMonth, readOnly: false);
        var revoked = await http.PostAsync(AccessTokenCalls.Revoke, new { id }, token);

        foreach (var refused in new[] { made, revoked })
        {
            Assert.Equal("AUTH_NOT_AUTHORIZED", refused.ErrorCode);
            Assert.Equal(
                "Not allowed: this needs the permission credentials:manage, which this personal access token does not give (sign in for it).",
                refused.ErrorMessage);
        }

        Assert.Equal(before, await server.Database.RowsAsync());
        Assert.Equal("ada@example.org", await http.MeAsync(token));
        var permissions = (await http.PostAsync("{ me { permissions } }", token: token)).Data("me").GetProperty("permissions");
        Assert.Equal("""["experiments:read","experiments:write"]""", permissions.GetRawText());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_token_cannot_change_the_password_and_changing_it_in_the_session_ends_every_token()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (full, _) = await AccessTokenCalls.MakeAsync(http, session, "full", InAMonth, readOnly: false);
        var (reading, _) = await AccessTokenCalls.MakeAsync(http, session, "reading", InAMonth, readOnly: true);
        const string Credentials = "SELECT (SELECT password_hash FROM users) || '|' || (SELECT COUNT(*) FROM sessions) || '|' || (SELECT COUNT(*) FROM access_tokens)";
        var before = await server.Database.ScalarAsync(Credentials);

        var refused = await http.PostAsync(PasswordChangeOperations.Change, new { current = "correct horse battery", @new = "new staple horse" }, full);

        Assert.Equal("AUTH_NOT_AUTHORIZED", refused.ErrorCode);
        Assert.Equal(before, await server.Database.ScalarAsync(Credentials));
        Assert.Equal("ada@example.org", await http.MeAsync(full));

        var changed = await http.PostAsync(PasswordChangeOperations.Change, new { current = "correct horse battery", @new = "new staple horse" }, session);

        Assert.Equal("ada@example.org", changed.Data("changePassword").GetProperty("user").GetProperty("email").GetString());
        Assert.Null(await http.MeAsync(full));
        Assert.Null(await http.MeAsync(reading));
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM access_tokens"));
        Assert.Equal("ada@example.org", await http.MeAsync(session));
    }
}
