using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Data;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Experiments.Write;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>One pool and one server for the lifecycle tests, which run one after another (each leaves no token in <c>todo</c>).</summary>
public sealed class TokenPoolFixture : IAsyncLifetime
{
    public TokenPoolServer Pool { get; private set; } = null!;

    public WriteUser Maintainer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Pool = await TokenPoolServer.StartAsync();
        Maintainer = await Pool.SignUpAsync("MAINTAINER");
    }

    public Task DisposeAsync() => Pool.DisposeAsync().AsTask();
}

/// <summary>
/// Experiments on container images end to end: created over GraphQL, their token posted to pouchdb-server, claimed and
/// run by the real PiCaS client (tests/peers/pilot.py) with the stand-in container runtime, and their statuses seen by
/// a subscriber over a WebSocket, with the reason of each change.
/// </summary>
public sealed class ImageExperimentLifecycleTests(TokenPoolFixture fixture) : IClassFixture<TokenPoolFixture>
{
    private TokenPoolServer Pool => fixture.Pool;

    [Fact]
    public async Task A_subscriber_sees_submitted_running_completed_and_the_outputs_become_one_tagged_library_entry()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var entry = await Pool.UploadAsync(researcher, "reads.txt", "ACGT");
        var tag = await Pool.CreateTagAsync(researcher, "batch-7");
        // Shell metacharacters in every parameter: they reach the job as data, and none runs.
        const string Text = "it's $(touch /tmp/ipp-pwned) `id`; rm -rf / | cat && echo \"x\" > y\n*";
        var created = await Pool.CreateExperimentAsync(researcher, image, new { text = Text, count = 3 }, entry, [tag], name: "Assembly run");
        var id = TokenPoolServer.IdOf(created);
        var experiment = created.GetProperty("experiment");
        Assert.Equal("SUBMITTED", experiment.GetProperty("status").GetString());
        Assert.Equal("QUEUED", experiment.GetProperty("tokenState").GetString());
        Assert.Equal("TOKEN_POOL", experiment.GetProperty("runsThrough").GetString());
        Assert.Equal(image, experiment.GetProperty("applicationKey").GetString());
        Assert.Equal(["batch-7"], experiment.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        await Pool.InPoolAsync(researcher, id);

        var records = Directory.CreateTempSubdirectory("ipp-records-").FullName;
        try
        {
            var events = await Pool.EventsUntilEndAsync(researcher, id, async () => Assert.Equal(0, (await Pool.RunPilotAsync(records: records)).ExitCode));

            Assert.Equal(["SUBMITTED", "RUNNING", "COMPLETED"], events.Select(e => e.GetProperty("status").GetString()));
            Assert.Equal(JsonValueKind.Null, events[0].GetProperty("previousStatus").ValueKind);
            Assert.StartsWith("claimed by a pilot", events[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("exit code 0", events[2].GetProperty("reason").GetString());

            var tokenId = TokenPoolServer.TokenIdOf(id);
            var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(records, tokenId + ".json")))!;
            Assert.Equal(Text, JsonNode.Parse(record["environment"]!["IPP_PARAMETERS"]!.GetValue<string>())!["text"]!.GetValue<string>());
            Assert.False(File.Exists("/tmp/ipp-pwned"));
            var input = JsonNode.Parse(record["environment"]!["IPP_INPUTS"]!.GetValue<string>())!.AsArray().Single()!.GetValue<string>();
            Assert.Equal("ACGT", await File.ReadAllTextAsync(input));
            Assert.StartsWith(Path.GetFullPath(Pool.Server.BlobFolder), input, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(records, recursive: true);
        }

        var done = await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        var output = done.GetProperty("outputEntry");
        Assert.Equal("Assembly run", output.GetProperty("name").GetString());
        Assert.Equal("FOLDER", output.GetProperty("kind").GetString());
        Assert.Equal(2, output.GetProperty("fileCount").GetInt32());
        Assert.Equal(["batch-7"], output.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Array, done.GetProperty("outputs").ValueKind);
        Assert.Empty(done.GetProperty("outputs").EnumerateArray());
        var logs = done.GetProperty("logs").EnumerateArray().ToList();
        Assert.Contains(logs, log => log.GetProperty("name").GetString()!.EndsWith(".out", StringComparison.Ordinal)
            && log.GetProperty("text").GetString()!.Contains("ran run /images/tool", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(Pool.Server.BlobFolder, "outputs", TokenPoolServer.DecodeExperiment(id).ToString())));
    }

    [Fact]
    public async Task A_job_that_exits_with_3_fails_the_experiment_with_its_exit_code_and_makes_no_library_entry()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);

        var events = await Pool.EventsUntilEndAsync(researcher, id, () => Pool.RunPilotAsync(jobExitCode: 3));

        Assert.Equal(["SUBMITTED", "RUNNING", "FAILED"], events.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal("exit code 3", events[^1].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, (await Pool.ReadAsync(researcher, id)).GetProperty("outputEntry").ValueKind);
    }

    [Fact]
    public async Task A_pilot_killed_while_the_job_runs_fails_the_experiment_saying_so()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);

        var events = await Pool.EventsUntilEndAsync(researcher, id, () => Pool.RunPilotAsync(crashMidway: true, maxTasks: 1));

        Assert.Equal("FAILED", events[^1].GetProperty("status").GetString());
        Assert.Equal("the pilot was killed while it ran the job", events[^1].GetProperty("reason").GetString());
        var token = await Pool.TokenAsync(TokenPoolServer.TokenIdOf(id));
        Assert.Equal(-1, token["lock"]!.GetValue<long>());
    }

    [Fact]
    public async Task Two_pilots_racing_for_the_tokens_end_each_experiment_in_one_status_with_one_library_entry()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" + i }, name: "race " + i)));
        }

        foreach (var id in ids)
        {
            await Pool.InPoolAsync(researcher, id);
        }

        // Each claims with a read, then a write of the revision read, which is no lock: a token may run twice, and a
        // pilot that lost too many claims gives up ("Unable to claim task"); every token runs at least once.
        var pilots = await Task.WhenAll(Pool.RunPilotAsync(), Pool.RunPilotAsync());
        Assert.Equal(ids.Select(TokenPoolServer.TokenIdOf).Order(), pilots.SelectMany(pilot => pilot.Finished).Distinct().Order());

        foreach (var id in ids)
        {
            var done = await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
            Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
        }

        await using var db = await Pool.Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        var keys = ids.Select(TokenPoolServer.DecodeExperiment).ToList();
        Assert.Equal(4, await db.Set<LibraryEntry>().CountAsync(e => e.ExperimentId != null && keys.Contains(e.ExperimentId.Value)));
        foreach (var key in keys)
        {
            var statuses = await db.ExperimentEvents.Where(e => e.ExperimentId == key).OrderBy(e => e.Id).Select(e => e.Status).ToListAsync();
            // One creation, then forward only; a token run twice may show RUNNING and COMPLETED again, never a second end.
            Assert.Equal(Ipp.Graph.Experiments.Entities.ExperimentStatus.Completed, statuses[^1]);
            Assert.Single(statuses, status => status == Ipp.Graph.Experiments.Entities.ExperimentStatus.Completed);
        }
    }

    [Fact]
    public async Task A_token_deleted_by_hand_fails_its_waiting_experiment_with_that_reason()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);
        var tokenId = TokenPoolServer.TokenIdOf(id);
        var token = await Pool.TokenAsync(tokenId);

        var events = await Pool.EventsUntilEndAsync(researcher, id, async () =>
        {
            using var http = Pool.Pool.Client();
            (await http.DeleteAsync($"{PicasTestPool.Database}/{tokenId}?rev={token["_rev"]!.GetValue<string>()}")).EnsureSuccessStatusCode();
        });

        Assert.Equal("FAILED", events[^1].GetProperty("status").GetString());
        Assert.Equal("the token was deleted from the pool", events[^1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_token_reset_after_it_ran_brings_its_experiment_back_to_submitted_and_a_later_run_completes_it()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);
        await Pool.RunPilotAsync(jobExitCode: 5);
        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "FAILED");

        // As the client's own reset does (resetTokens.py): lock, done and the exit code cleared, scrub_count raised.
        var tokenId = TokenPoolServer.TokenIdOf(id);
        var token = await Pool.TokenAsync(tokenId);
        token["lock"] = 0;
        token["done"] = 0;
        token["exit_code"] = "";
        token["scrub_count"] = token["scrub_count"]!.GetValue<int>() + 1;
        using (var http = Pool.Pool.Client())
        {
            (await http.PutAsync($"{PicasTestPool.Database}/{tokenId}", new StringContent(token.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        await Pool.WaitForAsync(researcher, id, e => e.GetProperty("status").GetString() == "SUBMITTED");
        await Pool.RunPilotAsync();
        var done = await Pool.WaitForAsync(researcher, id, e => e.GetProperty("outputEntry").ValueKind != JsonValueKind.Null);
        Assert.Equal("COMPLETED", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Documents_of_another_shape_in_the_pool_are_logged_and_skipped_and_experiments_go_on()
    {
        var researcher = await Pool.SignUpAsync("AI_RESEARCHER");
        var image = await Pool.CreateImageAsync(fixture.Maintainer);
        using (var http = Pool.Pool.Client())
        {
            // Not a token at all; a token named like an experiment's that is none; a token the server never made.
            foreach (var (docId, document) in new (string, object)[]
            {
                ("notes-1", new { kind = "note", text = "hello" }),
                ("ipp-experiment-999999", new { type = "token", @lock = "soon", done = 0 }),
                ("ipp-experiment-abc", new { type = "token", @lock = 1, done = 1, exit_code = 0 }),
            })
            {
                (await http.PutAsync($"{PicasTestPool.Database}/{docId}", new StringContent(JsonSerializer.Serialize(document), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
            }
        }

        var id = TokenPoolServer.IdOf(await Pool.CreateExperimentAsync(researcher, image, new { text = "x" }));
        await Pool.InPoolAsync(researcher, id);
        var events = await Pool.EventsUntilEndAsync(researcher, id, () => Pool.RunPilotAsync());

        Assert.Equal("COMPLETED", events[^1].GetProperty("status").GetString());
        Assert.Contains(Pool.Server.Logs.Entries, entry => entry.Message.Contains("notes-1", StringComparison.Ordinal) && entry.Message.Contains("is not a token", StringComparison.Ordinal));
        Assert.Contains(Pool.Server.Logs.Entries, entry => entry.Message.Contains("ipp-experiment-999999", StringComparison.Ordinal));
    }
}
