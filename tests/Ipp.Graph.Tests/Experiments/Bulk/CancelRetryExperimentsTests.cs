using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Experiments.Bulk.BulkOperations;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.Experiments.Bulk;

/// <summary>
/// cancelExperiments and retryExperiments over the real server, on the folder contract: each experiment as
/// cancelExperiment and retryExperiment treat it, reported on its own; one in the wrong state, another user's and an
/// unknown id are reported and keep all they had, and the others change; a repeated id is reported once.
/// </summary>
public sealed class CancelRetryExperimentsTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    [Fact]
    public async Task A_mix_is_cancelled_then_retried_one_by_one_and_those_that_cannot_be_are_reported_and_kept()
    {
        var ada = await fixture.NewUserAsync();
        var bob = await fixture.NewUserAsync();
        var waiting = await fixture.AddExperimentAsync(ada, "waiting", ExperimentStatus.Submitted);
        var running = await fixture.AddExperimentAsync(ada, "running", ExperimentStatus.Running);
        var draft = await fixture.AddExperimentAsync(ada, "draft", ExperimentStatus.Editing);
        var failed = await fixture.AddExperimentAsync(ada, "failed", ExperimentStatus.Failed);
        var bobs = await fixture.AddExperimentAsync(bob, "bob's", ExperimentStatus.Submitted);
        var gone = GlobalId.Encode("Experiment", long.MaxValue);

        var cancelled = (await fixture.Http.PostAsync(
            Cancel, new { ids = new[] { GlobalIdOf(waiting), GlobalIdOf(draft), GlobalIdOf(bobs), GlobalIdOf(running), gone, GlobalIdOf(waiting), GlobalIdOf(failed) } }, ada.Token))
            .Data("cancelExperiments");

        Assert.Equal(
            [
                (GlobalIdOf(waiting), null), (GlobalIdOf(draft), "EXPERIMENT_NOT_CANCELLABLE"), (GlobalIdOf(bobs), "EXPERIMENT_NOT_FOUND"),
                (GlobalIdOf(running), null), (gone, "EXPERIMENT_NOT_FOUND"), (GlobalIdOf(failed), "EXPERIMENT_NOT_CANCELLABLE"),
            ],
            Outcomes(cancelled));
        Assert.Equal("CANCELLED", cancelled.GetProperty("results")[0].GetProperty("experiment").GetProperty("status").GetString());
        Assert.Equal("EDITING", cancelled.GetProperty("results")[1].GetProperty("errors")[0].GetProperty("status").GetString());
        Assert.True(Directory.Exists(FolderIn(waiting, ExperimentStatus.Cancelled)));
        Assert.True(Directory.Exists(fixture.FolderOf(running)), "a running job goes on in its folder");
        Assert.True(Directory.Exists(fixture.FolderOf(bobs)));

        var retried = (await fixture.Http.PostAsync(
            Retry, new { ids = new[] { GlobalIdOf(waiting), GlobalIdOf(running), GlobalIdOf(draft), GlobalIdOf(failed), GlobalIdOf(bobs) } }, ada.Token))
            .Data("retryExperiments");

        Assert.Equal(
            [
                (GlobalIdOf(waiting), null), (GlobalIdOf(running), "EXPERIMENT_BUSY"), (GlobalIdOf(draft), "EXPERIMENT_NOT_RETRYABLE"),
                (GlobalIdOf(failed), null), (GlobalIdOf(bobs), "EXPERIMENT_NOT_FOUND"),
            ],
            Outcomes(retried));
        Assert.Equal("SUBMITTED", retried.GetProperty("results")[3].GetProperty("experiment").GetProperty("status").GetString());
        Assert.True(Directory.Exists(FolderIn(waiting, ExperimentStatus.Submitted)));
        Assert.True(Directory.Exists(FolderIn(failed, ExperimentStatus.Submitted)));

        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        long[] ids = [waiting.Id, running.Id, draft.Id, failed.Id, bobs.Id];
        Assert.Equal(
            [ExperimentStatus.Submitted, ExperimentStatus.Cancelled, ExperimentStatus.Editing, ExperimentStatus.Submitted, ExperimentStatus.Submitted],
            await db.Experiments.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    /// <summary>The experiment's folder in the namespace of <paramref name="status"/>.</summary>
    private string FolderIn(Experiment experiment, ExperimentStatus status) =>
        fixture.Server.Services.GetRequiredService<UploadFolder>().ExperimentPath(experiment.UserId, status, experiment.Id);
}
