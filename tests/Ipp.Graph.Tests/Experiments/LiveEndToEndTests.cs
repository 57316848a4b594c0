using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// The whole way, with the server's own mutations: a draft created and submitted over GraphQL, then moved on by the
/// backend; the watcher sees the submit's folder move too, yet every change reaches the subscriber once.
/// </summary>
public sealed class LiveEndToEndTests
{
    [Fact]
    public async Task A_submitted_draft_then_the_backends_moves_reach_the_subscriber_once_each()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:ReconcileInterval=00:00:00");
        using var http = new GraphQLHttp(server);
        var user = await LiveFixture.SignUpAsync(server);
        var writer = new WriteUser(user.Email, user.Token, user.UserId);
        var experiment = await WriteFixture.CreateDraftAsync(http, writer);
        var subscriber = user.SubscribeAsync("ws", experiment, ExperimentStatus.Completed, experimentId: experiment);
        await user.WaitForSubscribersAsync(1);

        var submitted = await http.PostAsync(WriteFixture.Submit, new { id = WriteFixture.IdOf(experiment) }, user.Token);
        Assert.Equal("SUBMITTED", submitted.Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await user.WaitForStatusAsync(experiment, ExperimentStatus.Running);
        user.CopyThenDelete(experiment, ExperimentStatus.Running, ExperimentStatus.Completed);

        var outcome = await subscriber;
        Assert.Equal(JsonValueKind.Null, outcome.Error.ValueKind);
        Assert.Equal(
            [$"{experiment} EDITING->SUBMITTED", $"{experiment} SUBMITTED->RUNNING", $"{experiment} RUNNING->COMPLETED"],
            outcome.Changes);
        Assert.Equal(
            [(ExperimentStatus.Editing, (ExperimentStatus?)null), (ExperimentStatus.Submitted, ExperimentStatus.Editing),
             (ExperimentStatus.Running, ExperimentStatus.Submitted), (ExperimentStatus.Completed, ExperimentStatus.Running)],
            (await user.EventsAsync(experiment)).Select(e => (e.Status, e.PreviousStatus)));
        Assert.Empty(server.Logs.Errors);
    }
}
