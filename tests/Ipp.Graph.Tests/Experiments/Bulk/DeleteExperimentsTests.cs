using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Experiments.Bulk.BulkOperations;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.Experiments.Bulk;

/// <summary>
/// deleteExperiments over the real server: each experiment as deleteExperiment deletes it, reported on its own; one
/// the backend may be working on, another user's and an unknown id are reported and keep all they had, and the others
/// are deleted; a repeated id is reported once.
/// </summary>
public sealed class DeleteExperimentsTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    [Fact]
    public async Task A_mix_is_deleted_one_by_one_and_the_busy_anothers_and_unknown_are_reported_and_kept()
    {
        var ada = await fixture.NewUserAsync();
        var bob = await fixture.NewUserAsync();
        var draft = await fixture.AddExperimentAsync(ada, "draft", ExperimentStatus.Editing);
        var running = await fixture.AddExperimentAsync(ada, "running", ExperimentStatus.Running);
        var bobs = await fixture.AddExperimentAsync(bob, "bob's", ExperimentStatus.Completed);
        var completed = await fixture.AddExperimentAsync(ada, "completed", ExperimentStatus.Completed);
        var submitted = await fixture.AddExperimentAsync(ada, "submitted", ExperimentStatus.Submitted);
        var failed = await fixture.AddExperimentAsync(ada, "failed", ExperimentStatus.Failed);
        var gone = GlobalId.Encode("Experiment", long.MaxValue);
        string[] ids = [GlobalIdOf(draft), GlobalIdOf(running), GlobalIdOf(bobs), gone, GlobalIdOf(completed), GlobalIdOf(draft), GlobalIdOf(submitted), "not an id", GlobalIdOf(failed)];

        var payload = (await fixture.Http.PostAsync(Delete, new { ids }, ada.Token)).Data("deleteExperiments");

        Assert.Equal(
            [
                (GlobalIdOf(draft), null), (GlobalIdOf(running), "EXPERIMENT_BUSY"), (GlobalIdOf(bobs), "EXPERIMENT_NOT_FOUND"), (gone, "EXPERIMENT_NOT_FOUND"),
                (GlobalIdOf(completed), null), (GlobalIdOf(submitted), "EXPERIMENT_BUSY"), ("not an id", "EXPERIMENT_NOT_FOUND"), (GlobalIdOf(failed), null),
            ],
            Outcomes(payload));
        var results = payload.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(GlobalIdOf(draft), results[0].GetProperty("deletedId").GetString());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("deletedId").ValueKind);
        Assert.Equal("RUNNING", results[1].GetProperty("errors")[0].GetProperty("status").GetString());
        Assert.Equal(GlobalIdOf(bobs), results[2].GetProperty("errors")[0].GetProperty("id").GetString());

        await using var db = await fixture.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        long[] kept = [running.Id, bobs.Id, submitted.Id];
        long[] all = [draft.Id, running.Id, bobs.Id, completed.Id, submitted.Id, failed.Id];
        Assert.Equal(kept, await db.Experiments.Where(e => all.Contains(e.Id)).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.All(new[] { running, bobs, submitted }, e => Assert.True(Directory.Exists(fixture.FolderOf(e))));
        Assert.All(new[] { draft, completed, failed }, e => Assert.False(Directory.Exists(fixture.FolderOf(e))));
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task An_empty_list_deletes_nothing_and_answers_no_result()
    {
        var ada = await fixture.NewUserAsync();
        var draft = await fixture.AddExperimentAsync(ada, "draft", ExperimentStatus.Editing);

        var payload = (await fixture.Http.PostAsync(Delete, new { ids = Array.Empty<string>() }, ada.Token)).Data("deleteExperiments");

        Assert.Empty(Outcomes(payload));
        Assert.True(Directory.Exists(fixture.FolderOf(draft)));
    }
}
