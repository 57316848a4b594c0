using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Picas;
using Ipp.Graph.Picas.Entities;
using Ipp.Graph.Tests.Experiments;
using Ipp.Graph.Tests.Experiments.Lifecycle;
using Ipp.Graph.Tests.Experiments.Write;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// <c>cancelExperiment</c> and <c>retryExperiment</c> on experiments that run through the PiCaS pool, against
/// pouchdb-server with the real PiCaS client as the pilot: a waiting token deleted by its revision (the experiment
/// CANCELLED, never "FAILED: token deleted"), a running job going on with its end noted apart, a cancel racing a
/// pilot's claim, a retry resetting the token as the client's scrub does or posting it again, each run's outputs collected.
/// </summary>
public sealed class CancelRetryTokenTests(TokenPoolFixture fixture) : IClassFixture<TokenPoolFixture>
{
    private TokenPoolServer Pool => fixture.Pool;

    [Fact]
    public async Task A_token_waiting_in_the_pool_is_deleted_by_its_revision_and_a_retry_posts_it_again_to_run_to_its_end()
    {
        var (researcher, image, id, eid, _) = await NewInPoolAsync();

        var cancelled = await Pool.PostAsync(LifecycleClient.Cancel, new { id }, researcher);

        Assert.Equal("CANCELLED", LifecycleClient.StatusOf(cancelled, "cancelExperiment"));
        Assert.Equal(HttpStatusCode.NotFound, await TokenStatusAsync(TokenPoolServer.TokenIdOf(id)));
        Assert.Equal(JsonValueKind.Null, (await Pool.ReadAsync(researcher, id)).GetProperty("tokenState").ValueKind);
        // The feed brings the deletion; once a later experiment's token went through, the deletion was handled too.
        await RunAnotherToItsEndAsync(researcher, image);
        var events = await LiveFixture.EventsAsync(Pool.Server, eid);
        Assert.Equal([ExperimentStatus.Submitted, ExperimentStatus.Cancelled], events.Select(e => e.Status));
        Assert.Equal("cancelled by " + researcher.Email, events[^1].Reason);

        var retried = await Pool.PostAsync(LifecycleClient.Retry, new { id }, researcher);
        Assert.Equal("SUBMITTED", LifecycleClient.StatusOf(retried, "retryExperiment"));
        await Pool.InPoolAsync(researcher, id);
        await Pool.RunPilotAsync();
        var done = await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        Assert.Equal("retried by " + researcher.Email, (await LiveFixture.EventsAsync(Pool.Server, eid))[2].Reason);
    }

    [Fact]
    public async Task A_running_job_goes_on_after_a_cancel_its_end_is_noted_apart_and_a_retry_resets_its_token_as_the_clients_scrub()
    {
        var (researcher, image, id, eid, tokenId) = await NewInPoolAsync();

        // A pilot claims it (as the client's lock does) and the job runs.
        await WriteTokenAsync(tokenId, token =>
        {
            token["lock"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            token["hostname"] = "node-7";
            token["slurm_job_id"] = "4242";
        });
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "RUNNING");

        var cancelled = await Pool.PostAsync(LifecycleClient.Cancel, new { id }, researcher);
        Assert.Equal("CANCELLED", LifecycleClient.StatusOf(cancelled, "cancelExperiment"));
        Assert.Equal($"cancelled by {researcher.Email} while its job ran (the job goes on)", (await LiveFixture.EventsAsync(Pool.Server, eid))[^1].Reason);
        Assert.Equal(("EXPERIMENT_BUSY", "CANCELLED"), LifecycleClient.ErrorOf(await Pool.PostAsync(LifecycleClient.Retry, new { id }, researcher), "retryExperiment"));
        Assert.Equal("EXPERIMENT_BUSY", (await Pool.PostAsync(LifecycleClient.Delete, new { id }, researcher)).PayloadErrorCode("deleteExperiment"));
        const string DeleteImage = "mutation($id: ID!) { deleteImage(input: {id: $id}) { deletedId errors { __typename ... on Error { code } } } }";
        Assert.Equal("IMAGE_IN_USE", (await Pool.PostAsync(DeleteImage, new { id = image }, fixture.Maintainer)).PayloadErrorCode("deleteImage"));

        // The job ends well: noted once, still CANCELLED, no outputs collected, never COMPLETED.
        await WriteTokenAsync(tokenId, token =>
        {
            token["done"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            token["exit_code"] = 0;
        });
        await WaitForEventsAsync(eid, 4);
        var events = await LiveFixture.EventsAsync(Pool.Server, eid);
        Assert.Equal([ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Cancelled, ExperimentStatus.Cancelled], events.Select(e => e.Status));
        Assert.Equal(CancelledJobs.EndedReason + "exit code 0", events[^1].Reason);
        Assert.Equal(JsonValueKind.Null, (await Pool.ReadAsync(researcher, id)).GetProperty("outputEntry").ValueKind);

        // Retried: the token reset by its revision as the client's scrub does, then run again by the real pilot.
        var retried = await Pool.PostAsync(LifecycleClient.Retry, new { id }, researcher);
        Assert.Equal("SUBMITTED", LifecycleClient.StatusOf(retried, "retryExperiment"));
        var reset = await Pool.TokenAsync(tokenId);
        Assert.Equal((0L, 0L, "", 1), (reset["lock"]!.GetValue<long>(), reset["done"]!.GetValue<long>(), reset["exit_code"]!.GetValue<string>(), reset["scrub_count"]!.GetValue<int>()));
        Assert.Null(reset["slurm_job_id"]);
        await Pool.RunPilotAsync();
        var done = await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancelled_running_experiments_token_deleted_by_hand_leaves_it_cancelled_and_retryable()
    {
        var (researcher, image, id, eid, tokenId) = await NewInPoolAsync();
        await WriteTokenAsync(tokenId, token => token["lock"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "RUNNING");
        Assert.Equal("CANCELLED", LifecycleClient.StatusOf(await Pool.PostAsync(LifecycleClient.Cancel, new { id }, researcher), "cancelExperiment"));

        // An operator deletes the token of the job that ran on: nothing is left to wait for, and nothing failed.
        var token = await Pool.TokenAsync(tokenId);
        using (var http = Pool.Pool.Client())
        {
            (await http.DeleteAsync($"{PicasTestPool.Database}/{tokenId}?rev={token["_rev"]!.GetValue<string>()}")).EnsureSuccessStatusCode();
        }

        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("tokenState").ValueKind == JsonValueKind.Null);
        Assert.Equal(ExperimentStatus.Cancelled, await LiveFixture.StatusAsync(Pool.Server, eid));
        Assert.Equal("SUBMITTED", LifecycleClient.StatusOf(await Pool.PostAsync(LifecycleClient.Retry, new { id }, researcher), "retryExperiment"));
        await Pool.InPoolAsync(researcher, id);
        await Pool.RunPilotAsync();
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "COMPLETED");
        Assert.DoesNotContain(ExperimentStatus.Failed, (await LiveFixture.EventsAsync(Pool.Server, eid)).Select(e => e.Status));
    }

    [Fact]
    public async Task Each_run_of_a_token_reset_after_it_completed_is_collected_into_an_entry_of_its_own()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }, name: "twice"));
        await Pool.InPoolAsync(researcher, id);
        await Pool.RunPilotAsync();
        var first = (await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null)).GetProperty("outputEntry");

        await WriteTokenAsync(TokenPoolServer.TokenIdOf(id), token =>
        {
            token["lock"] = 0;
            token["done"] = 0;
            token["exit_code"] = "";
            token["scrub_count"] = token["scrub_count"]!.GetValue<int>() + 1;
        });
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "SUBMITTED");
        await Pool.RunPilotAsync();
        var second = (await Pool.WaitForAsync(
            researcher, id, e => e.GetProperty("outputEntry") is { ValueKind: JsonValueKind.Object } entry && entry.GetProperty("id").GetString() != first.GetProperty("id").GetString()))
            .GetProperty("outputEntry");

        Assert.Equal("twice (2)", second.GetProperty("name").GetString());
        Assert.Equal("twice", first.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_token_queued_while_the_pool_is_down_is_withheld_never_posted_and_posted_again_by_a_retry()
    {
        await using var pool = await TokenPoolServer.StartAsync();
        var maintainer = await pool.SignUpAsync("MAINTAINER");
        var researcher = await pool.SignUpAsync("AI_RESEARCHER");
        var image = await pool.CreateImageAsync(maintainer);
        await pool.Pool.StopAsync();
        var id = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        var tokenId = TokenPoolServer.TokenIdOf(id);

        var cancelled = await pool.PostAsync(LifecycleClient.Cancel, new { id }, researcher);

        Assert.Equal("CANCELLED", LifecycleClient.StatusOf(cancelled, "cancelExperiment"));
        await using (var db = await pool.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
        {
            var row = await db.Set<PicasOutboxEntry>().AsNoTracking().SingleAsync(e => e.TokenId == tokenId);
            Assert.Null(row.PostedAt);
            Assert.Equal(PicasOutbox.WithheldNote, row.LastFailure);
        }

        // The pool is back and the worker posts what is due (another experiment's token): never the withheld one.
        await pool.Pool.RestartAsync();
        var other = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "y" }));
        await pool.InPoolAsync(researcher, other);
        using (var http = pool.Pool.Client())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{PicasTestPool.Database}/{tokenId}")).StatusCode);
        }

        Assert.Equal("SUBMITTED", LifecycleClient.StatusOf(await pool.PostAsync(LifecycleClient.Retry, new { id }, researcher), "retryExperiment"));
        await pool.InPoolAsync(researcher, id);
        var events = await pool.EventsUntilEndAsync(researcher, id, () => pool.RunPilotAsync());
        // RUNNING may pass unseen: the feed gives a token's newest state, and the pilot claims and ends it quickly.
        var statuses = events.Select(e => e.GetProperty("status").GetString()).ToList();
        Assert.Equal(["SUBMITTED", "CANCELLED", "SUBMITTED"], statuses.Take(3));
        Assert.Equal("COMPLETED", statuses[^1]);
    }

    [Fact]
    public async Task A_cancel_racing_a_pilots_claim_ends_cancelled_either_way_never_completed()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        for (var round = 0; round < 3; round++)
        {
            var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "race" }));
            await Pool.InPoolAsync(researcher, id);
            var eid = TokenPoolServer.DecodeExperiment(id);

            var pilot = Pool.RunPilotAsync();
            var cancel = await Pool.PostAsync(LifecycleClient.Cancel, new { id }, researcher);
            var ran = (await pilot).Finished.Contains(TokenPoolServer.TokenIdOf(id));

            var answer = cancel.Data("cancelExperiment");
            if (answer.GetProperty("errors").ValueKind != JsonValueKind.Null)
            {
                // The job ended before the cancel reached it: nothing to cancel, and the end is the experiment's.
                Assert.True(ran);
                Assert.Equal("EXPERIMENT_NOT_CANCELLABLE", cancel.PayloadErrorCode("cancelExperiment"));
                await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "COMPLETED");
                continue;
            }

            Assert.Equal("CANCELLED", answer.GetProperty("experiment").GetProperty("status").GetString());
            if (ran)
            {
                await WaitForEventsAsync(eid, LiveFixture.Patience, events => events[^1] is { Status: ExperimentStatus.Cancelled, PreviousStatus: ExperimentStatus.Cancelled });
                Assert.Equal(JsonValueKind.Null, (await Pool.ReadAsync(researcher, id)).GetProperty("outputEntry").ValueKind);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, await TokenStatusAsync(TokenPoolServer.TokenIdOf(id)));
            }

            var statuses = (await LiveFixture.EventsAsync(Pool.Server, eid)).Select(e => e.Status).ToList();
            Assert.DoesNotContain(ExperimentStatus.Completed, statuses);
            Assert.DoesNotContain(ExperimentStatus.Failed, statuses);
            Assert.Equal(ExperimentStatus.Cancelled, await LiveFixture.StatusAsync(Pool.Server, eid));
        }
    }

    /// <summary>Creates an experiment and runs it to COMPLETED: the feed handled everything before its end.</summary>
    /// <summary>A new researcher's experiment on a new image, its token in the pool: the ids a test needs of it.</summary>
    private async Task<(WriteUser Researcher, string Image, string Id, long ExperimentId, string TokenId)> NewInPoolAsync()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);
        return (researcher, image, id, TokenPoolServer.DecodeExperiment(id), TokenPoolServer.TokenIdOf(id));
    }

    private async Task RunAnotherToItsEndAsync(WriteUser researcher, string image)
    {
        var other = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "other" }));
        await Pool.InPoolAsync(researcher, other);
        await Pool.RunPilotAsync();
        await Pool.WaitForAsync(researcher, other, e => e.GetProperty("status").GetString() == "COMPLETED");
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string tokenId)
    {
        using var http = Pool.Pool.Client();
        return (await http.GetAsync($"{PicasTestPool.Database}/{tokenId}")).StatusCode;
    }

    /// <summary>Changes the token in the pool as a pilot writes it: read, change, write back with the revision read.</summary>
    private async Task WriteTokenAsync(string tokenId, Action<JsonObject> change)
    {
        var token = await Pool.TokenAsync(tokenId);
        change(token);
        using var http = Pool.Pool.Client();
        (await http.PutAsync($"{PicasTestPool.Database}/{tokenId}", new StringContent(token.ToJsonString(), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    private Task WaitForEventsAsync(long experimentId, int count) =>
        WaitForEventsAsync(experimentId, LiveFixture.Patience, events => events.Count >= count);

    private async Task WaitForEventsAsync(long experimentId, TimeSpan patience, Func<List<ExperimentEvent>, bool> done)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!done(await LiveFixture.EventsAsync(Pool.Server, experimentId)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for the events of experiment {experimentId}.");
            await Task.Delay(50);
        }
    }
}
