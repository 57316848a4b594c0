using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// The backend moves experiments' folders while the server runs; the watcher records each change and the owner's
/// subscribers (graphql-ws and graphql-sse's own clients) receive it once.
/// </summary>
public sealed class LiveStatusTests
{
    [Theory]
    [InlineData("ws")]
    [InlineData("sse")]
    public async Task Each_folder_move_reaches_the_subscriber_once(string transport)
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var first = await user.SeedAsync(ExperimentStatus.Submitted);
        var second = await user.SeedAsync(ExperimentStatus.Submitted);

        var subscriber = user.SubscribeAsync(transport, second, ExperimentStatus.Completed);
        await user.WaitForSubscribersAsync(1);

        user.Rename(first, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await user.WaitForStatusAsync(first, ExperimentStatus.Running);
        user.Rename(first, ExperimentStatus.Running, ExperimentStatus.Completed);
        await user.WaitForStatusAsync(first, ExperimentStatus.Completed);
        user.Rename(second, ExperimentStatus.Submitted, ExperimentStatus.Completed);

        var outcome = await subscriber;
        Assert.Equal(JsonValueKind.Null, outcome.Error.ValueKind);
        Assert.Equal(
            [$"{first} SUBMITTED->RUNNING", $"{first} RUNNING->COMPLETED", $"{second} SUBMITTED->COMPLETED"],
            outcome.Changes);
        var last = outcome.Results[^1].GetProperty("data").GetProperty("experimentStatusChanged");
        Assert.Equal(GlobalId.Encode("Experiment", second), last.GetProperty("experiment").GetProperty("id").GetString());
        Assert.Equal("COMPLETED", last.GetProperty("experiment").GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(last.GetProperty("changedAt").GetString(), out _));

        Assert.Equal(2, (await user.EventsAsync(first)).Count);
        Assert.Single(await user.EventsAsync(second));

        // The client went away: its stream ended and left the hub.
        await user.WaitForNoSubscribersAsync();
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_folder_copied_to_its_new_namespace_then_deleted_is_one_change()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var subscriber = user.SubscribeAsync("ws", experiment, ExperimentStatus.Completed);
        await user.WaitForSubscribersAsync(1);

        user.CopyThenDelete(experiment, ExperimentStatus.Submitted, ExperimentStatus.Completed);

        var outcome = await subscriber;
        Assert.Equal(JsonValueKind.Null, outcome.Error.ValueKind);
        Assert.Equal([$"{experiment} SUBMITTED->COMPLETED"], outcome.Changes);
        var recorded = Assert.Single(await user.EventsAsync(experiment));
        Assert.Equal(ExperimentStatus.Submitted, recorded.PreviousStatus);
        Assert.Equal(ExperimentStatus.Completed, recorded.Status);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Only_the_chosen_experiment_is_announced_when_an_id_is_given()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var other = await user.SeedAsync(ExperimentStatus.Submitted);
        var chosen = await user.SeedAsync(ExperimentStatus.Submitted);
        var subscriber = user.SubscribeAsync("ws", chosen, ExperimentStatus.Running, experimentId: chosen);
        await user.WaitForSubscribersAsync(1);

        user.Rename(other, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await user.WaitForStatusAsync(other, ExperimentStatus.Running);
        user.Rename(chosen, ExperimentStatus.Submitted, ExperimentStatus.Running);

        var outcome = await subscriber;
        Assert.Equal([$"{chosen} SUBMITTED->RUNNING"], outcome.Changes);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Folders_of_unknown_experiments_and_of_other_users_experiments_are_ignored()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var stranger = await LiveFixture.SignUpAsync(server, "stranger@example.org");
        var theirs = await stranger.SeedAsync(ExperimentStatus.Submitted);
        var mine = await user.SeedAsync(ExperimentStatus.Submitted);
        var subscriber = user.SubscribeAsync("ws", mine, ExperimentStatus.Completed);
        await user.WaitForSubscribersAsync(1);

        // The stranger's eid in the user's folder, an eid nobody has, and names that are no ids.
        Directory.CreateDirectory(user.FolderOf(ExperimentStatus.Completed, theirs));
        Directory.CreateDirectory(user.FolderOf(ExperimentStatus.Completed, 999_999));
        Directory.CreateDirectory(Path.Combine(server.UploadFolder, user.UserId.ToString(), "completed", "notes"));
        Directory.CreateDirectory(Path.Combine(server.UploadFolder, user.UserId.ToString(), "archive", mine.ToString()));
        Directory.CreateDirectory(Path.Combine(server.UploadFolder, Write.WriteFixture.Staging, mine.ToString()));
        user.Rename(mine, ExperimentStatus.Submitted, ExperimentStatus.Completed);

        var outcome = await subscriber;
        Assert.Equal([$"{mine} SUBMITTED->COMPLETED"], outcome.Changes);
        await LiveFixture.WaitForLogAsync(server, LogLevel.Warning,
            $"A folder of experiment {theirs} changed under user {user.UserId}, who does not own it: ignored");
        await LiveFixture.WaitForLogAsync(server, LogLevel.Information,
            $"The folder of experiment 999999 under user {user.UserId} changed, but no experiment has that id: ignored");
        Assert.Equal(ExperimentStatus.Submitted, await stranger.StatusAsync(theirs));
        Assert.Empty(await stranger.EventsAsync(theirs));
        Assert.Empty(server.Logs.Errors);
    }
}
