using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// A live stream ends with the session that opened it, on every transport: once the user signs out, signs in again
/// (which replaces their only session) or the session expires, a WebSocket signed in by it is closed with 4403 (the
/// legacy protocol says connection_error first) and an SSE stream gets an AUTH_NOT_AUTHENTICATED error then complete;
/// later status changes of the user's experiments reach none of them. Another user's stream goes on.
/// </summary>
public sealed class LiveSessionEndTests
{
    private const string SessionEndedError =
        """next: {"errors":[{"message":"Your session ended (signed out, signed in elsewhere, or expired): sign in again.","extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}]}""";

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var transport in new[] { StatusStream.TransportWs, StatusStream.LegacyWs, StatusStream.Sse })
        {
            foreach (var ending in new[] { "logout", "sign-in elsewhere", "expiry" })
            {
                cases.Add(transport, ending);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_streams_of_a_session_end_with_it_and_another_user_s_go_on(string transport, string ending)
    {
        var clock = new SettableClock();
        await using var server = await StartAsync(clock);
        var ada = await LiveFixture.SignUpAsync(server, "ada@example.org");
        var adaFirst = await ada.SeedAsync(ExperimentStatus.Submitted);
        var adaSecond = await ada.SeedAsync(ExperimentStatus.Submitted);

        // Grace signs up later: her session outlives Ada's when Ada's expires.
        clock.Advance(TimeSpan.FromHours(12));
        var grace = await LiveFixture.SignUpAsync(server, "grace@example.org");
        var graceOwn = await grace.SeedAsync(ExperimentStatus.Submitted);

        await using var adaStream = await StatusStream.OpenAsync(server, transport, ada.Token);
        await using var graceStream = await StatusStream.OpenAsync(server, transport, grace.Token);
        await ada.WaitForSubscribersAsync(1);
        await grace.WaitForSubscribersAsync(1);
        ada.Rename(adaFirst, ExperimentStatus.Submitted, ExperimentStatus.Running);
        Assert.Equal($"{adaFirst} SUBMITTED->RUNNING", await adaStream.NextChangeAsync());

        await EndSessionAsync(server, clock, ada, ending);

        await ada.WaitForNoSubscribersAsync();
        ada.Rename(adaSecond, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await ada.WaitForStatusAsync(adaSecond, ExperimentStatus.Running);
        Assert.Equal(Ended(transport), await adaStream.RestAsync());

        grace.Rename(graceOwn, ExperimentStatus.Submitted, ExperimentStatus.Completed);
        Assert.Equal($"{graceOwn} SUBMITTED->COMPLETED", await graceStream.NextChangeAsync());
        Assert.Equal(1, CountSubscriptions(server, grace.UserId));
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData(StatusStream.TransportWs, "Authorization")]
    [InlineData(StatusStream.TransportWs, "Cookie")]
    [InlineData(StatusStream.LegacyWs, "Authorization")]
    [InlineData(StatusStream.LegacyWs, "Cookie")]
    public async Task A_socket_signed_in_by_its_upgrade_request_is_closed_when_the_session_ends(string protocol, string header)
    {
        await using var server = await StartAsync(new SettableClock());
        var ada = await LiveFixture.SignUpAsync(server, "ada@example.org");
        var experiment = await ada.SeedAsync(ExperimentStatus.Submitted);
        await using var stream = await StatusStream.OpenAsync(server, protocol, ada.Token, header);
        await ada.WaitForSubscribersAsync(1);

        await AccountsClient.PostAsync(server, "mutation { logout { loggedOut } }", token: ada.Token);

        await ada.WaitForNoSubscribersAsync();
        ada.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await ada.WaitForStatusAsync(experiment, ExperimentStatus.Running);
        Assert.Equal(Ended(protocol), await stream.RestAsync());
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task The_npm_clients_are_told_the_session_ended(string transport)
    {
        await using var server = await StartAsync(new SettableClock());
        var ada = await LiveFixture.SignUpAsync(server, "ada@example.org");
        var subscriber = ada.SubscribeAsync(transport, null, null);
        await ada.WaitForSubscribersAsync(1);

        await AccountsClient.PostAsync(server, "mutation { logout { loggedOut } }", token: ada.Token);

        var outcome = await subscriber;
        if (transport == "ws")
        {
            // graphql-ws's client hands the close event to the subscription (it retries 4403 when told to retry).
            Assert.Empty(outcome.Results);
            Assert.Equal("Forbidden: the session ended", outcome.Error.GetString());
        }
        else
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, outcome.Error.ValueKind);
            var error = Assert.Single(Assert.Single(outcome.Results).GetProperty("errors").EnumerateArray());
            Assert.Equal("AUTH_NOT_AUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        }

        await ada.WaitForNoSubscribersAsync();
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData(StatusStream.TransportWs, "subscribe", "next")]
    [InlineData(StatusStream.LegacyWs, "start", "data")]
    public async Task SessionEnded_delivers_its_event_and_completes_before_the_socket_closes(string protocol, string start, string data)
    {
        await using var server = await StartAsync(new SettableClock());
        var ada = await LiveFixture.SignUpAsync(server, "ada@example.org");
        await using var socket = await TestSocket.ConnectAsync(server, protocol);
        await socket.SendAsync($$$"""{"type":"connection_init","payload":{"authorization":"Bearer {{{ada.Token}}}"}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        await socket.SendAsync($$$"""{"id":"live","type":"{{{start}}}","payload":{"query":"subscription { experimentStatusChanged { status } }"}}""");
        await socket.SendAsync($$$"""{"id":"end","type":"{{{start}}}","payload":{"query":"subscription { sessionEnded { reason } }"}}""");
        await ada.WaitForSubscribersAsync(1);

        // Operations of one connection start in order: once this query is answered, sessionEnded listens.
        await socket.SendAsync($$$"""{"id":"me","type":"{{{start}}}","payload":{"query":"{ me { email } }"}}""");
        Assert.Equal("{\"id\":\"me\",\"type\":\"" + data + "\",\"payload\":{\"data\":{\"me\":{\"email\":\"ada@example.org\"}}}}", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"me","type":"complete"}""", await socket.ReceiveTextAsync());

        await AccountsClient.SignInAsync(server, "ada@example.org");

        var (code, reason, before) = await socket.ReceiveCloseAsync();
        string[] expected =
        [
            "{\"id\":\"end\",\"type\":\"" + data + "\",\"payload\":{\"data\":{\"sessionEnded\":{\"reason\":\"REPLACED\"}}}}",
            """{"id":"end","type":"complete"}""",
            .. protocol == StatusStream.LegacyWs ? ["""{"type":"connection_error","payload":{"message":"Forbidden: the session ended"}}"""] : Array.Empty<string>(),
        ];
        Assert.Equal(expected, before);
        Assert.Equal((4403, "Forbidden: the session ended"), (code, reason));
        await ada.WaitForNoSubscribersAsync();
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>What a stream of Ada's receives once her session ended, up to its end.</summary>
    private static List<string> Ended(string transport) => transport switch
    {
        StatusStream.TransportWs => ["close 4403 Forbidden: the session ended"],
        StatusStream.LegacyWs => ["""{"type":"connection_error","payload":{"message":"Forbidden: the session ended"}}""", "close 4403 Forbidden: the session ended"],
        _ => [SessionEndedError, "complete: "],
    };

    /// <summary>
    /// The server with <paramref name="clock"/>; no keep-alives, so a stream that is not ended fails the test's wait
    /// instead of being kept busy.
    /// </summary>
    private static Task<RunningServer> StartAsync(SettableClock clock) =>
        RunningServer.StartAsync(
            clock.Install,
            AccountsClient.FastHashing,
            "--Experiments:ReconcileInterval=00:00:00",
            "--Accounts:ExpiryCheckInterval=00:00:00.05",
            "--WebSockets:KeepAliveInterval=00:00:00",
            "--ServerSentEvents:KeepAliveInterval=00:00:00");

    private static async Task EndSessionAsync(RunningServer server, SettableClock clock, LiveFixture user, string ending)
    {
        switch (ending)
        {
            case "logout":
                await AccountsClient.PostAsync(server, "mutation { logout { loggedOut } }", token: user.Token);
                break;
            case "sign-in elsewhere":
                await AccountsClient.SignInAsync(server, user.Email);
                break;
            default:
                clock.Advance(TimeSpan.FromHours(13));
                break;
        }
    }

    private static int CountSubscriptions(RunningServer server, long userId) =>
        server.Services.GetRequiredService<Ipp.Graph.Experiments.Live.ExperimentEventHub>().CountSubscriptions(userId);
}
