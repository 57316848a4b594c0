using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Instances;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>
/// An instance on PostgreSQL whose listening connection was cut while another instance revoked a token: when it
/// connects again it catches up from the table, ending the revoked token's streams and requests, and only those.
/// </summary>
public sealed class AccessTokenCatchUpTests
{
    [PostgreSqlFact]
    public async Task A_token_revoked_elsewhere_while_the_listener_was_down_ends_here_too_and_a_live_one_goes_on()
    {
        await using var server = await AccountsServer.StartAsync("--WebSockets:KeepAliveInterval=00:00:00");
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (revoked, revokedId) = await AccessTokenCalls.MakeAsync(http, session, "revoked", DateTimeOffset.UtcNow.AddDays(1));
        var (live, _) = await AccessTokenCalls.MakeAsync(http, session, "live", DateTimeOffset.UtcNow.AddDays(1));
        await using var ending = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"{{revoked}}"}""");
        await using var going = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"{{live}}"}""");

        await LostAnnouncementsTests.CutTheListenerAsync(server);
        // Another instance's revocation: the row deleted, its announcement unheard here.
        Assert.True(GlobalId.TryDecode(revokedId, "AccessToken", out var key));
        await server.Database.ExecuteAsync("DELETE FROM access_tokens WHERE id = @id", ("@id", key));

        await ending.AssertClosedAsync(4403, "Forbidden: the session ended");
        await going.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ me { email } }"}}""");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"me":{"email":"ada@example.org"}}}}""", await going.ReceiveTextAsync());
        Assert.Null(await http.MeAsync(revoked));
        Assert.Equal("ada@example.org", await http.MeAsync(live));
    }
}
