using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// The reconciliation scan, which does not trust the watcher: at start it repairs what moved while the server was
/// down; on its interval it finds what no watcher reported (here: no watcher at all, as on NFS); however many
/// checks race over one move, it is recorded and announced once; rows still being created are left alone.
/// </summary>
public sealed class LiveReconciliationTests
{
    [Fact]
    public async Task Moves_made_while_the_server_was_down_are_repaired_at_start_and_announced_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        var uploads = Path.Combine(folder, "uploads");
        Directory.CreateDirectory(folder);
        await using var database = await TestDatabase.CreateAsync(folder);
        string[] settings =
        [
            AccountsClient.FastHashing,
            database.Setting,
            $"--UPLOAD_FOLDER={uploads}",
            "--Experiments:ReconcileInterval=00:00:00",
        ];
        try
        {
            long userId, renamed, copied, vanished, unchanged, staging;
            string cursor;
            await using (var server = await RunningServer.StartAsync(settings))
            {
                var user = await LiveFixture.SignUpAsync(server);
                userId = user.UserId;
                renamed = await user.SeedAsync(ExperimentStatus.Submitted);
                copied = await user.SeedAsync(ExperimentStatus.Running);
                vanished = await user.SeedAsync(ExperimentStatus.Submitted);
                unchanged = await user.SeedAsync(ExperimentStatus.Editing);
                staging = await LiveFixture.SeedAsync(server, userId, ExperimentStatus.Staging, withFolder: false);
                Directory.CreateDirectory(LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Submitted, staging));

                // One change while running, whose cursor the subscriber keeps.
                var subscriber = user.SubscribeAsync("ws", unchanged, ExperimentStatus.Submitted);
                await user.WaitForSubscribersAsync(1);
                user.Rename(unchanged, ExperimentStatus.Editing, ExperimentStatus.Submitted);
                var seen = await subscriber;
                Assert.Equal([$"{unchanged} EDITING->SUBMITTED"], seen.Changes);
                cursor = seen.CursorAt(0);
                Assert.Empty(server.Logs.Errors);
            }

            // The backend works on while the server is down.
            Directory.CreateDirectory(Path.GetDirectoryName(LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Completed, renamed))!);
            Directory.Move(
                LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Submitted, renamed),
                LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Completed, renamed));
            Directory.CreateDirectory(LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Failed, copied));
            Directory.Delete(LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Running, copied), recursive: true);
            Directory.Delete(LiveFixture.FolderOf(uploads, userId, ExperimentStatus.Submitted, vanished), recursive: true);

            await using (var server = await RunningServer.StartAsync(settings))
            {
                // Repaired before the server answered its first request.
                Assert.Equal(ExperimentStatus.Completed, await LiveFixture.StatusAsync(server, renamed));
                Assert.Equal(ExperimentStatus.Failed, await LiveFixture.StatusAsync(server, copied));
                Assert.Equal(ExperimentStatus.Submitted, await LiveFixture.StatusAsync(server, vanished));
                Assert.Equal(ExperimentStatus.Submitted, await LiveFixture.StatusAsync(server, unchanged));
                // A Staging row whose folder reached submitted/ is completed at start by the writer's recovery, with its creation event.
                Assert.Equal(ExperimentStatus.Submitted, await LiveFixture.StatusAsync(server, staging));
                Assert.Equal(["Submitted->Completed"], Describe(await LiveFixture.EventsAsync(server, renamed)));
                Assert.Equal(["Running->Failed"], Describe(await LiveFixture.EventsAsync(server, copied)));
                Assert.Empty(await LiveFixture.EventsAsync(server, vanished));
                Assert.Equal(["->Submitted"], Describe(await LiveFixture.EventsAsync(server, staging)));

                // A subscriber back with its last cursor receives what it missed, once, in order.
                var user = await LiveFixture.SignInAsync(server, "live@example.org");
                var resumed = await user.SubscribeAsync("sse", copied, ExperimentStatus.Failed, after: cursor);
                Assert.Equal(JsonValueKind.Null, resumed.Error.ValueKind);
                Assert.Equal([$"{staging} null->SUBMITTED", $"{renamed} SUBMITTED->COMPLETED", $"{copied} RUNNING->FAILED"], resumed.Changes);
                Assert.Empty(server.Logs.Errors);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_watcher_the_interval_scan_records_and_announces_a_move()
    {
        await using var server = await RunningServer.StartAsync(
            AccountsClient.FastHashing, "--Experiments:WatchFolders=false", "--Experiments:ReconcileInterval=00:00:00.200");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var subscriber = user.SubscribeAsync("ws", experiment, ExperimentStatus.Running);
        await user.WaitForSubscribersAsync(1);

        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);

        var outcome = await subscriber;
        Assert.Equal([$"{experiment} SUBMITTED->RUNNING"], outcome.Changes);
        Assert.Single(await user.EventsAsync(experiment));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Checks_racing_over_one_move_record_and_publish_it_once()
    {
        await using var server = await RunningServer.StartAsync(
            AccountsClient.FastHashing, "--Experiments:WatchFolders=false", "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var sync = server.Services.GetRequiredService<FolderStatusSync>();
        using var published = server.Services.GetRequiredService<ExperimentEventHub>().Subscribe(user.UserId);

        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Completed);
        var checks = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => sync.SyncAsync(
                i % 2 == 0 ? FolderScope.Everything : FolderScope.OfExperiment(user.UserId, experiment), CancellationToken.None)));
        var recorded = await Task.WhenAll(checks);

        Assert.Equal(1, recorded.Sum());
        var change = Assert.Single(await user.EventsAsync(experiment));
        // On PostgreSQL the announcement comes back through NOTIFY, after the check that recorded it has returned.
        using var patience = new CancellationTokenSource(TestEvents.Patience);
        var announced = await published.Events.Reader.ReadAsync(patience.Token);
        Assert.Equal(change.Id, announced.Id);
        Assert.False(published.Events.Reader.TryRead(out _));
        Assert.Equal(ExperimentStatus.Completed, await user.StatusAsync(experiment));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task An_experiment_the_writer_is_moving_is_left_to_it_then_checked_again()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var sync = server.Services.GetRequiredService<FolderStatusSync>();
        var working = await server.Services.GetRequiredService<IExperimentsInFlight>().BeginAsync(experiment, CancellationToken.None);

        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Completed);
        var deferred = new List<FolderScope>();
        var recorded = await sync.SyncAsync(FolderScope.Everything, deferred, CancellationToken.None);

        Assert.Equal(0, recorded);
        Assert.Equal([FolderScope.OfExperiment(user.UserId, experiment)], deferred);
        Assert.Equal(ExperimentStatus.Submitted, await user.StatusAsync(experiment));

        // The writer is done without recording it (as if it had crashed): the watcher's deferred check does.
        await working.DisposeAsync();
        await user.WaitForStatusAsync(experiment, ExperimentStatus.Completed);
        Assert.Single(await user.EventsAsync(experiment));
        Assert.Empty(server.Logs.Errors);
    }

    private static List<string> Describe(List<ExperimentEvent> events) =>
        [.. events.Select(e => $"{e.PreviousStatus}->{e.Status}")];
}
