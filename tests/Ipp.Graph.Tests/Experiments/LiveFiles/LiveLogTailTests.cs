using System.Text;
using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments.LiveFiles;

/// <summary>
/// experimentLog over the folder contract, on a real server, with the test appending to the experiment's job.log as a
/// backend would: what is there, then what is appended, in chunks no larger than the setting, never cut inside a
/// character (bytes that are no UTF-8 as U+FFFD), resumable from an offset, ending when the experiment ends.
/// </summary>
public sealed class LiveLogTailTests
{
    private const int ChunkBytes = 1024;

    private static readonly string[] Settings =
        [AccountsClient.FastHashing, "--Experiments:LiveFiles:PollInterval=00:00:00.200", $"--Experiments:LiveFiles:MaxLogChunkBytes={ChunkBytes}"];

    [Fact]
    public async Task Appended_text_comes_in_bounded_chunks_cut_between_characters_until_the_experiment_completes()
    {
        await using var server = await RunningServer.StartAsync(Settings);
        var user = await LiveFixture.SignUpAsync(server);
        var id = await user.SeedAsync(ExperimentStatus.Running);
        var log = Path.Combine(user.FolderOf(ExperimentStatus.Running, id), "job.log");
        await File.WriteAllTextAsync(log, "hello\n");
        await using var tail = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Log, new { id = GlobalId.Encode("Experiment", id) });

        Assert.Equal("job.log 0-6 hello\n", Describe(await tail.NextAsync()));

        // A character whose last byte is not written yet stays for the next chunk.
        Append(log, [(byte)'a', (byte)'b', 0xE2, 0x82]);
        Assert.Equal("job.log 6-8 ab", Describe(await tail.NextAsync()));
        Append(log, [0xAC]);
        Assert.Equal("job.log 8-11 €", Describe(await tail.NextAsync()));

        // Bytes that are no UTF-8.
        Append(log, [0xFF, (byte)'x']);
        Assert.Equal("job.log 11-13 \uFFFDx", Describe(await tail.NextAsync()));

        // More than a chunk at once: several chunks, each at most the setting, together the text.
        var lines = string.Concat(Enumerable.Range(0, 3 * ChunkBytes / 10 + 7).Select(i => $"line {i % 10000:D4}\n"));
        Append(log, Encoding.UTF8.GetBytes(lines));
        var offset = 13L;
        var text = new StringBuilder();
        while (offset < 13 + Encoding.UTF8.GetByteCount(lines))
        {
            var chunk = await tail.NextAsync();
            Assert.Equal(offset, chunk.GetProperty("offset").GetInt64());
            var next = chunk.GetProperty("nextOffset").GetInt64();
            Assert.InRange(next - offset, 1, ChunkBytes);
            text.Append(chunk.GetProperty("text").GetString());
            offset = next;
        }

        Assert.Equal(lines, text.ToString());

        // The backend's last words end with a cut character, then it moves the folder: the rest comes, cut as it is.
        Append(log, [(byte)'b', (byte)'y', (byte)'e', 0xE2, 0x82]);
        user.Rename(id, ExperimentStatus.Running, ExperimentStatus.Completed);
        var rest = new StringBuilder();
        JsonElement last;
        while (!(last = await tail.NextAsync()).GetProperty("final").GetBoolean())
        {
            Assert.Equal(offset, last.GetProperty("offset").GetInt64());
            rest.Append(last.GetProperty("text").GetString());
            offset = last.GetProperty("nextOffset").GetInt64();
        }

        Assert.Equal("bye\uFFFD", rest.ToString());
        Assert.Equal($"job.log {offset}-{offset} ", Describe(last));
        Assert.Equal(new FileInfo(user.FolderOf(ExperimentStatus.Completed, id) + "/job.log").Length, offset);
        await tail.AssertCompleteAsync();
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_tail_resumes_from_an_offset_and_one_without_a_log_ends_with_the_experiment()
    {
        await using var server = await RunningServer.StartAsync(Settings);
        var user = await LiveFixture.SignUpAsync(server);
        var done = await user.SeedAsync(ExperimentStatus.Completed);
        await File.WriteAllTextAsync(Path.Combine(user.FolderOf(ExperimentStatus.Completed, done), "job.log"), "first\nsecond\n");
        var silent = await user.SeedAsync(ExperimentStatus.Submitted);

        await using (var resumed = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Log, new { id = GlobalId.Encode("Experiment", done), from = 6 }))
        {
            Assert.Equal("job.log 6-13 second\n", Describe(await resumed.NextAsync()));
            Assert.True((await resumed.NextAsync()).GetProperty("final").GetBoolean());
            await resumed.AssertCompleteAsync();
        }

        await using var waiting = await LiveFilesSocket.OpenAsync(server, user.Token, LiveFilesSocket.Log, new { id = GlobalId.Encode("Experiment", silent) });
        await WaitForWatchAsync(server);
        user.Rename(silent, ExperimentStatus.Submitted, ExperimentStatus.Failed);
        Assert.Equal("job.log 0-0 ", Describe(await waiting.NextAsync()));
        await waiting.AssertCompleteAsync();
    }

    /// <summary>The chunk as "name offset-nextOffset text".</summary>
    private static string Describe(JsonElement chunk) =>
        $"{chunk.GetProperty("name").GetString()} {chunk.GetProperty("offset").GetInt64()}-{chunk.GetProperty("nextOffset").GetInt64()} {chunk.GetProperty("text").GetString()}";

    /// <summary>Appends <paramref name="bytes"/> in one write, as a backend's log line.</summary>
    private static void Append(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        file.Write(bytes);
    }

    /// <summary>Waits until the subscription holds its folder's watch (it started), so the move is seen live.</summary>
    private static async Task WaitForWatchAsync(RunningServer server)
    {
        var watches = server.Services.GetRequiredService<Ipp.Graph.Experiments.Live.OutputsFolderWatches>();
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (watches.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited in vain for the subscription's watch.");
            await Task.Delay(20);
        }
    }
}
