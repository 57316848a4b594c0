using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;
using static Ipp.Graph.Tests.Experiments.Lifecycle.LifecycleClient;

namespace Ipp.Graph.Tests.Experiments.Lifecycle;

/// <summary>
/// <c>cancelExperiment</c> and <c>retryExperiment</c> on the folder contract, over the real server, with folders moved
/// as the backend would: a waiting experiment withdrawn into <c>cancelled/</c>, a running one cancelled while its job
/// goes on and its end kept apart, retries renaming the folder back into <c>submitted/</c>.
/// </summary>
public sealed class CancelRetryFolderTests
{
    private static Task<RunningServer> StartAsync() =>
        RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");

    [Fact]
    public async Task A_waiting_experiment_is_withdrawn_into_cancelled_by_one_rename_and_can_be_retried_and_deleted()
    {
        await using var server = await StartAsync();
        var user = await LiveFixture.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);

        var cancelled = await CancelAsync(http, user.Token, experiment);

        Assert.Equal("CANCELLED", StatusOf(cancelled, "cancelExperiment"));
        Assert.Equal(ExperimentStatus.Cancelled, await user.StatusAsync(experiment));
        Assert.True(Directory.Exists(user.FolderOf(ExperimentStatus.Cancelled, experiment)));
        Assert.False(Directory.Exists(user.FolderOf(ExperimentStatus.Submitted, experiment)));
        var change = Assert.Single(await user.EventsAsync(experiment));
        Assert.Equal((ExperimentStatus.Submitted, ExperimentStatus.Cancelled, "cancelled by live@example.org"), (change.PreviousStatus!.Value, change.Status, change.Reason));

        // Withdrawn, its job never ran: it can be retried, by one rename back, and then it is the backend's again.
        var retried = await RetryAsync(http, user.Token, experiment);
        Assert.Equal("SUBMITTED", StatusOf(retried, "retryExperiment"));
        Assert.True(File.Exists(Path.Combine(user.FolderOf(ExperimentStatus.Submitted, experiment), "experiment.json")));
        Assert.False(Directory.Exists(user.FolderOf(ExperimentStatus.Cancelled, experiment)));
        var events = await user.EventsAsync(experiment);
        Assert.Equal((ExperimentStatus.Cancelled, ExperimentStatus.Submitted, "retried by live@example.org"), (events[^1].PreviousStatus!.Value, events[^1].Status, events[^1].Reason));

        // Cancelled again, it can be deleted: its job never ran.
        Assert.Equal("CANCELLED", StatusOf(await CancelAsync(http, user.Token, experiment), "cancelExperiment"));
        Assert.NotEqual(JsonValueKind.Null, (await DeleteAsync(http, user.Token, experiment)).Data("deleteExperiment").GetProperty("deletedId").ValueKind);
        Assert.False(Directory.Exists(user.FolderOf(ExperimentStatus.Cancelled, experiment)));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_running_job_goes_on_and_its_end_is_noted_apart_the_subscriber_seeing_cancelled_never_completed()
    {
        await using var server = await StartAsync();
        var user = await LiveFixture.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Running);
        var marker = await user.SeedAsync(ExperimentStatus.Submitted);
        var subscriber = user.SubscribeAsync("ws", marker, ExperimentStatus.Completed);
        await user.WaitForSubscribersAsync(1);

        Assert.Equal("CANCELLED", StatusOf(await CancelAsync(http, user.Token, experiment), "cancelExperiment"));
        Assert.True(Directory.Exists(user.FolderOf(ExperimentStatus.Running, experiment)));
        var cancel = Assert.Single(await user.EventsAsync(experiment));
        Assert.Equal("cancelled by live@example.org while its job ran (the job goes on)", cancel.Reason);

        // While the job runs the experiment is busy: neither retried nor deleted.
        Assert.Equal(("EXPERIMENT_BUSY", "CANCELLED"), ErrorOf(await RetryAsync(http, user.Token, experiment), "retryExperiment"));
        Assert.Equal("EXPERIMENT_BUSY", (await DeleteAsync(http, user.Token, experiment)).PayloadErrorCode("deleteExperiment"));

        // The backend finishes the job: noted once, the status stays CANCELLED.
        user.Rename(experiment, ExperimentStatus.Running, ExperimentStatus.Completed);
        await WaitForEventsAsync(user, experiment, 2);
        user.Rename(marker, ExperimentStatus.Submitted, ExperimentStatus.Completed);

        var outcome = await subscriber;
        Assert.Equal(JsonValueKind.Null, outcome.Error.ValueKind);
        Assert.Equal([$"{experiment} RUNNING->CANCELLED", $"{experiment} CANCELLED->CANCELLED", $"{marker} SUBMITTED->COMPLETED"], outcome.Changes);
        Assert.Equal(ExperimentStatus.Cancelled, await user.StatusAsync(experiment));
        var note = (await user.EventsAsync(experiment))[1];
        Assert.Equal(CancelledJobs.EndedReason + "its folder moved to completed", note.Reason);

        // A full scan finds nothing more to record.
        await server.Services.GetRequiredService<Ipp.Graph.Experiments.Live.FolderStatusSync>().ReconcileAsync(CancellationToken.None);
        Assert.Equal(2, (await user.EventsAsync(experiment)).Count);

        // The job ended: it can be retried, from completed/, with what the run left in its folder.
        Assert.Equal("SUBMITTED", StatusOf(await RetryAsync(http, user.Token, experiment), "retryExperiment"));
        Assert.True(Directory.Exists(user.FolderOf(ExperimentStatus.Submitted, experiment)));
        Assert.False(Directory.Exists(user.FolderOf(ExperimentStatus.Completed, experiment)));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_failed_experiment_is_retried_with_what_its_run_left_and_only_once_when_two_retries_race()
    {
        await using var server = await StartAsync();
        var user = await LiveFixture.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Failed);
        File.WriteAllText(Path.Combine(user.FolderOf(ExperimentStatus.Failed, experiment), "stderr.txt"), "boom");

        var answers = await Task.WhenAll(RetryAsync(http, user.Token, experiment), RetryAsync(http, user.Token, experiment));

        var won = Assert.Single(answers, answer => answer.Data("retryExperiment").GetProperty("errors").ValueKind == JsonValueKind.Null);
        Assert.Equal("SUBMITTED", StatusOf(won, "retryExperiment"));
        var lost = Assert.Single(answers, answer => answer != won);
        Assert.Equal(("EXPERIMENT_NOT_RETRYABLE", "SUBMITTED"), ErrorOf(lost, "retryExperiment"));
        var change = Assert.Single(await user.EventsAsync(experiment));
        Assert.Equal((ExperimentStatus.Failed, ExperimentStatus.Submitted, "retried by live@example.org"), (change.PreviousStatus!.Value, change.Status, change.Reason));
        Assert.Equal("boom", File.ReadAllText(Path.Combine(user.FolderOf(ExperimentStatus.Submitted, experiment), "stderr.txt")));
        Assert.False(Directory.Exists(user.FolderOf(ExperimentStatus.Failed, experiment)));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Verbs_in_the_wrong_state_or_on_another_users_experiment_answer_typed_errors_and_change_nothing()
    {
        await using var server = await StartAsync();
        var user = await LiveFixture.SignUpAsync(server);
        var stranger = await LiveFixture.SignUpAsync(server, "stranger@example.org");
        using var http = new GraphQLHttp(server);
        var byStatus = new Dictionary<ExperimentStatus, long>();
        foreach (var status in (ExperimentStatus[])[ExperimentStatus.Editing, ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Completed, ExperimentStatus.Failed, ExperimentStatus.Cancelled])
        {
            byStatus[status] = await user.SeedAsync(status);
        }

        foreach (var status in (ExperimentStatus[])[ExperimentStatus.Editing, ExperimentStatus.Completed, ExperimentStatus.Failed, ExperimentStatus.Cancelled])
        {
            Assert.Equal(("EXPERIMENT_NOT_CANCELLABLE", status.ToApiName()), ErrorOf(await CancelAsync(http, user.Token, byStatus[status]), "cancelExperiment"));
        }

        foreach (var status in (ExperimentStatus[])[ExperimentStatus.Editing, ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Completed])
        {
            Assert.Equal(("EXPERIMENT_NOT_RETRYABLE", status.ToApiName()), ErrorOf(await RetryAsync(http, user.Token, byStatus[status]), "retryExperiment"));
        }

        foreach (var (_, experiment) in byStatus)
        {
            Assert.Equal(("EXPERIMENT_NOT_FOUND", null), ErrorOf(await CancelAsync(http, stranger.Token, experiment), "cancelExperiment"));
            Assert.Equal(("EXPERIMENT_NOT_FOUND", null), ErrorOf(await RetryAsync(http, stranger.Token, experiment), "retryExperiment"));
        }

        Assert.Equal(("EXPERIMENT_NOT_FOUND", null), ErrorOf(await CancelAsync(http, user.Token, 999_999), "cancelExperiment"));
        foreach (var (status, experiment) in byStatus)
        {
            Assert.Equal(status, await user.StatusAsync(experiment));
            Assert.True(Directory.Exists(user.FolderOf(status, experiment)));
            Assert.Empty(await user.EventsAsync(experiment));
        }

        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Cancel_racing_the_backends_rename_ends_consistent_every_round()
    {
        await using var server = await StartAsync();
        var user = await LiveFixture.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        for (var round = 0; round < 30; round++)
        {
            var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
            var backend = Task.Run(() =>
            {
                try
                {
                    user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);
                    return true;
                }
                catch (DirectoryNotFoundException)
                {
                    return false; // The server withdrew it first.
                }
            });
            var cancel = await CancelAsync(http, user.Token, experiment);
            var backendTookIt = await backend;

            Assert.Equal("CANCELLED", StatusOf(cancel, "cancelExperiment"));
            var where = (ExperimentStatus[])[ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Cancelled];
            var place = Assert.Single(where, status => Directory.Exists(user.FolderOf(status, experiment)));
            Assert.Equal(backendTookIt ? ExperimentStatus.Running : ExperimentStatus.Cancelled, place);

            // Let the watcher see the backend's move, then every event must tell one story, each change once.
            await server.Services.GetRequiredService<Ipp.Graph.Experiments.Live.FolderStatusSync>().ReconcileAsync(CancellationToken.None);
            Assert.Equal(ExperimentStatus.Cancelled, await user.StatusAsync(experiment));
            var events = await user.EventsAsync(experiment);
            var last = events[^1];
            Assert.Equal(ExperimentStatus.Cancelled, last.Status);
            Assert.Single(events, e => e.Status == ExperimentStatus.Cancelled);
            if (backendTookIt)
            {
                Assert.EndsWith("while its job ran (the job goes on)", last.Reason);
                Assert.True(events.Count == 1 || (events.Count == 2 && events[0].Status == ExperimentStatus.Running));
            }
            else
            {
                Assert.Equal([ExperimentStatus.Cancelled], events.Select(e => e.Status));
                Assert.Equal("cancelled by live@example.org", last.Reason);
            }
        }

        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Cancelled_experiments_are_counted_and_filtered_by_their_status()
    {
        await using var server = await StartAsync();
        var user = await LiveFixture.SignUpAsync(server);
        using var http = new GraphQLHttp(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        await user.SeedAsync(ExperimentStatus.Submitted);
        await CancelAsync(http, user.Token, experiment);

        var response = await http.PostAsync(
            "{ experiments(where: {status: {eq: CANCELLED}}) { nodes { id status } } me { usage { experiments { status count } } } }", token: user.Token);

        var node = Assert.Single(response.Data("experiments").GetProperty("nodes").EnumerateArray());
        Assert.Equal(Ipp.Graph.GraphQL.GlobalId.Encode("Experiment", experiment), node.GetProperty("id").GetString());
        var counts = response.Data("me").GetProperty("usage").GetProperty("experiments").EnumerateArray()
            .ToDictionary(count => count.GetProperty("status").GetString()!, count => count.GetProperty("count").GetInt32());
        Assert.Equal(1, counts["CANCELLED"]);
        Assert.Equal(1, counts["SUBMITTED"]);
    }

    private static async Task WaitForEventsAsync(LiveFixture user, long experiment, int count)
    {
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while ((await user.EventsAsync(experiment)).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for {count} events of experiment {experiment}.");
            await Task.Delay(20);
        }
    }
}
