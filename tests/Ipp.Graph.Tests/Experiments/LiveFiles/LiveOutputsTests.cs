using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments.LiveFiles;

/// <summary>
/// experimentOutputs over the folder contract, on a real server, with the test writing into the experiment's folder
/// and moving it as the backend would: the outputs there first, then each file that appears or grows (in the folder and
/// below it), the folder followed between namespaces, the last event listing them all when the experiment ends.
/// </summary>
public sealed class LiveOutputsTests
{
    private static readonly string[] Settings = [AccountsClient.FastHashing, "--Experiments:LiveFiles:PollInterval=00:00:00.200"];

    [Fact]
    public async Task Outputs_come_as_the_backend_writes_them_and_the_last_event_lists_them_all_when_it_completes()
    {
        await using var server = await RunningServer.StartAsync(Settings);
        var user = await LiveFixture.SignUpAsync(server);
        var id = await user.SeedAsync(ExperimentStatus.Running);
        var folder = user.FolderOf(ExperimentStatus.Running, id);
        await File.WriteAllTextAsync(Path.Combine(folder, "early.txt"), "12345");
        await using var outputs = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Outputs, new { id = GlobalId.Encode("Experiment", id) });

        var first = await outputs.NextAsync();
        Assert.Equal(GlobalId.Encode("Experiment", id), first.GetProperty("experimentId").GetString());
        Assert.Equal("RUNNING", first.GetProperty("status").GetString());
        Assert.False(first.GetProperty("final").GetBoolean());
        Assert.Equal(["early.txt 5"], Files(first)); // experiment.json is no output.
        Assert.EndsWith($"/experiments/{GlobalId.Encode("Experiment", id)}/files/early.txt", first.GetProperty("files")[0].GetProperty("downloadUrl").GetString(), StringComparison.Ordinal);
        var reported = new Dictionary<string, long> { ["early.txt"] = 5 };

        await File.WriteAllTextAsync(Path.Combine(folder, "result.txt"), "abc");
        await ReportedAsync(outputs, reported, "result.txt", 3);
        await File.AppendAllTextAsync(Path.Combine(folder, "result.txt"), "def");
        await ReportedAsync(outputs, reported, "result.txt", 6);
        Directory.CreateDirectory(Path.Combine(folder, "deep"));
        await File.WriteAllTextAsync(Path.Combine(folder, "deep", "x.txt"), "xy");
        await ReportedAsync(outputs, reported, "deep/x.txt", 2);

        user.Rename(id, ExperimentStatus.Running, ExperimentStatus.Completed);

        var last = await NextUntilFinalAsync(outputs, reported);
        Assert.Equal("COMPLETED", last.GetProperty("status").GetString());
        Assert.Equal(["deep/x.txt 2", "early.txt 5", "result.txt 6"], Files(last));
        await outputs.AssertCompleteAsync();
        await WaitForNoWatchesAsync(server);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task The_folder_is_followed_into_its_next_namespace_whether_renamed_or_copied()
    {
        await using var server = await RunningServer.StartAsync(Settings);
        var user = await LiveFixture.SignUpAsync(server);
        var id = await user.SeedAsync(ExperimentStatus.Submitted);
        await using var outputs = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Outputs, new { id = GlobalId.Encode("Experiment", id) });
        Assert.Empty(Files(await outputs.NextAsync()));
        var reported = new Dictionary<string, long>();

        user.Rename(id, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await user.WaitForStatusAsync(id, ExperimentStatus.Running);
        await File.WriteAllTextAsync(Path.Combine(user.FolderOf(ExperimentStatus.Running, id), "moved.txt"), "m");
        await ReportedAsync(outputs, reported, "moved.txt", 1);

        // IPP's own backend: the new folder made, the files copied in (and result.txt written), the old one deleted.
        user.CopyThenDelete(id, ExperimentStatus.Running, ExperimentStatus.Completed);

        var last = await NextUntilFinalAsync(outputs, reported);
        Assert.Equal("COMPLETED", last.GetProperty("status").GetString());
        Assert.Equal(["moved.txt 1", "result.txt 6"], Files(last));
        await outputs.AssertCompleteAsync();
    }

    [Fact]
    public async Task An_experiment_that_no_longer_runs_gets_its_final_list_at_once()
    {
        await using var server = await RunningServer.StartAsync(Settings);
        var user = await LiveFixture.SignUpAsync(server);
        var id = await user.SeedAsync(ExperimentStatus.Failed);
        await File.WriteAllTextAsync(Path.Combine(user.FolderOf(ExperimentStatus.Failed, id), "error.txt"), "boom");
        await using var outputs = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Outputs, new { id = GlobalId.Encode("Experiment", id) });

        var only = await outputs.NextAsync();

        Assert.True(only.GetProperty("final").GetBoolean());
        Assert.Equal("FAILED", only.GetProperty("status").GetString());
        Assert.Equal(["error.txt 4"], Files(only));
        await outputs.AssertCompleteAsync();
        Assert.Equal(0, server.Services.GetRequiredService<OutputsFolderWatches>().Count);
    }

    [Fact]
    public async Task Over_the_watch_limit_a_subscription_is_refused_until_one_ends()
    {
        await using var server = await RunningServer.StartAsync([.. Settings, "--Experiments:LiveFiles:MaxFolderWatches=1"]);
        var user = await LiveFixture.SignUpAsync(server);
        var running = await user.SeedAsync(ExperimentStatus.Running);
        var other = await user.SeedAsync(ExperimentStatus.Running);
        var ended = await user.SeedAsync(ExperimentStatus.Completed);
        await using var holding = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Outputs, new { id = GlobalId.Encode("Experiment", running) });
        await holding.NextAsync();

        await using (var refused = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Log, new { id = GlobalId.Encode("Experiment", other) }))
        {
            Assert.Equal(
                ("This server follows as many experiment folders as it may at once; try again later.", "LIVE_FILES_LIMIT_REACHED", "experimentLog"),
                await refused.ErrorAsync());
        }

        // An experiment that no longer runs needs no watch: its final list comes whatever the limit.
        await using (var final = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Outputs, new { id = GlobalId.Encode("Experiment", ended) }))
        {
            Assert.True((await final.NextAsync()).GetProperty("final").GetBoolean());
            await final.AssertCompleteAsync();
        }

        await holding.CompleteAsync();
        await WaitForNoWatchesAsync(server);
        await using var admitted = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Outputs, new { id = GlobalId.Encode("Experiment", other) });
        Assert.False((await admitted.NextAsync()).GetProperty("final").GetBoolean());
        Assert.Equal(1, server.Services.GetRequiredService<OutputsFolderWatches>().Count);
    }

    [Fact]
    public async Task Another_users_experiment_or_no_experiment_id_is_not_found_and_a_negative_offset_is_bad_input()
    {
        await using var server = await RunningServer.StartAsync(Settings);
        var user = await LiveFixture.SignUpAsync(server);
        var stranger = await LiveFixture.SignUpAsync(server, "stranger@example.org");
        var theirs = await stranger.SeedAsync(ExperimentStatus.Running);
        var mine = await user.SeedAsync(ExperimentStatus.Running);

        foreach (var (query, id, field) in new[]
        {
            (LiveFilesSocket.Outputs, GlobalId.Encode("Experiment", theirs), "experimentOutputs"),
            (LiveFilesSocket.Log, GlobalId.Encode("Experiment", theirs), "experimentLog"),
            (LiveFilesSocket.Outputs, GlobalId.Encode("User", user.UserId), "experimentOutputs"),
            (LiveFilesSocket.Log, "%%%", "experimentLog"),
        })
        {
            await using var refused = await LiveFilesSocket.OpenAsync(server, user.Token, query, new { id });
            Assert.Equal(("No experiment of yours has this id.", "EXPERIMENT_NOT_FOUND", field), await refused.ErrorAsync());
        }

        await using (var negative = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Log, new { id = GlobalId.Encode("Experiment", mine), from = -1 }))
        {
            Assert.Equal(("`from` is a byte offset: 0 or more.", "BAD_USER_INPUT", "experimentLog"), await negative.ErrorAsync());
        }

        Assert.Equal(0, server.Services.GetRequiredService<OutputsFolderWatches>().Count);
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>The files of an event as "name size" lines.</summary>
    internal static List<string> Files(JsonElement change) =>
        [.. change.GetProperty("files").EnumerateArray().Select(file => $"{file.GetProperty("name").GetString()} {file.GetProperty("size").GetInt64()}")];

    /// <summary>
    /// Reads events until one reports <paramref name="name"/> at <paramref name="size"/> bytes, checking that each
    /// lists only files that are new or grew since they were last reported.
    /// </summary>
    private static async Task ReportedAsync(LiveFilesSocket outputs, Dictionary<string, long> reported, string name, long size)
    {
        while (reported.GetValueOrDefault(name, -1) != size)
        {
            var change = await outputs.NextAsync();
            Assert.False(change.GetProperty("final").GetBoolean(), change.ToString());
            Record(change, reported);
        }
    }

    private static async Task<JsonElement> NextUntilFinalAsync(LiveFilesSocket outputs, Dictionary<string, long> reported)
    {
        while (true)
        {
            var change = await outputs.NextAsync();
            if (change.GetProperty("final").GetBoolean())
            {
                return change;
            }

            Record(change, reported);
        }
    }

    private static void Record(JsonElement change, Dictionary<string, long> reported)
    {
        Assert.NotEmpty(change.GetProperty("files").EnumerateArray());
        foreach (var file in change.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("name").GetString()!;
            var size = file.GetProperty("size").GetInt64();
            Assert.NotEqual(reported.GetValueOrDefault(name, -1), size);
            reported[name] = size;
        }
    }

    internal static async Task WaitForNoWatchesAsync(RunningServer server)
    {
        var watches = server.Services.GetRequiredService<OutputsFolderWatches>();
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (watches.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for the folder watches to end ({watches.Count} left).");
            await Task.Delay(20);
        }
    }
}
