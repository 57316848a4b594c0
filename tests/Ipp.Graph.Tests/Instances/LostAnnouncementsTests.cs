using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Tests.Experiments;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Instances;

/// <summary>
/// On PostgreSQL the instances hear of each other's changes through one listening connection each. When it is lost,
/// the announcements sent meanwhile are gone; once it listens again, what they said is read from the database: the
/// status events a subscriber missed, and the sessions ended elsewhere.
/// </summary>
public sealed class LostAnnouncementsTests
{
    [PostgreSqlFact]
    public async Task A_status_change_announced_while_the_listener_was_down_reaches_the_subscriber()
    {
        await using var server = await StartAsync();
        var ada = await LiveFixture.SignUpAsync(server, "ada@example.org");
        var experimentId = await ada.SeedAsync(ExperimentStatus.Submitted);
        await using var stream = await StatusStream.OpenAsync(server, StatusStream.TransportWs, ada.Token);
        await ada.WaitForSubscribersAsync(1);

        await CutTheListenerAsync(server);
        // Recorded and NOTIFYed at once, while no connection of this instance listens.
        Assert.NotNull(await server.Services.GetRequiredService<ExperimentEvents>().TryChangeAsync(
            experimentId, ada.UserId, ExperimentStatus.Submitted, ExperimentStatus.Running, CancellationToken.None));

        Assert.Equal($"{experimentId} SUBMITTED->RUNNING", await stream.NextChangeAsync());
        Assert.Contains(server.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.StartsWith("The database connection that receives", StringComparison.Ordinal));
        // Logged once the catch-up is done, which may be just after the subscriber received what it read.
        await LiveFixture.WaitForLogAsync(
            server, LogLevel.Information, "Listening to the other instances' announcements again; what was missed meanwhile was read from the database.");
        Assert.Empty(server.Logs.Errors);
    }

    [PostgreSqlFact]
    public async Task A_session_ended_elsewhere_while_the_listener_was_down_ends_here_too()
    {
        await using var server = await StartAsync();
        var ada = await LiveFixture.SignUpAsync(server, "ada@example.org");
        await using var stream = await StatusStream.OpenAsync(server, StatusStream.TransportWs, ada.Token);
        await ada.WaitForSubscribersAsync(1);
        Assert.Equal("ada@example.org", await MeAsync(server, ada.Token));

        await CutTheListenerAsync(server);
        // Another instance's sign-out: the row deleted, its announcement unheard here.
        await server.Database.ExecuteAsync("DELETE FROM sessions");

        Assert.Equal(["close 4403 Forbidden: the session ended"], await stream.RestAsync());
        Assert.Null(await MeAsync(server, ada.Token));
    }

    private static async Task<string?> MeAsync(RunningServer server, string token) =>
        (await AccountsClient.PostAsync(server, "{ me { email } }", token: token)).GetProperty("data").GetProperty("me") is { ValueKind: System.Text.Json.JsonValueKind.Object } me
            ? me.GetProperty("email").GetString()
            : null;

    private static Task<RunningServer> StartAsync() =>
        RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00", "--WebSockets:KeepAliveInterval=00:00:00");

    /// <summary>Ends the server's listening connection from the database's side, as a restart of PostgreSQL or a network cut would.</summary>
    internal static async Task CutTheListenerAsync(RunningServer server) =>
        Assert.Equal(1L, await server.Database.ScalarAsync(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'"));
}
