using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Experiments.LiveFiles;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// experimentLog and experimentOutputs of experiments on container images, over a real server on pouchdb-server: a log
/// a pilot attaches (and attaches again, longer) delivered from where the subscriber is, the real PiCaS client's log
/// attached at the end delivered whole, and the job's outputs listed as it ends; both streams end with the experiment.
/// </summary>
public sealed class LiveTokenFilesTests
{
    [Fact]
    public async Task A_pilots_log_and_the_jobs_outputs_reach_the_subscriber_and_end_with_the_experiment()
    {
        await using var pool = await TokenPoolServer.StartAsync("--Experiments:LiveFiles:PollInterval=00:00:00.200");
        var maintainer = await pool.SignUpAsync("MAINTAINER");
        var researcher = await pool.SignUpAsync("AI_RESEARCHER");
        var image = await pool.CreateImageAsync(maintainer);

        // A pilot that attaches its log while the job runs, and again when it grew: each time, only what is new.
        var updating = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "a" }, name: "updating"));
        await pool.InPoolAsync(researcher, updating);
        var tokenId = TokenPoolServer.TokenIdOf(updating);
        await using (var tail = await LiveFilesSocket.OpenAsync(pool.Server, researcher.Token, LiveFilesSocket.Log, new { id = updating }))
        {
            await AttachAsync(pool, tokenId, "part one\n");
            var first = await tail.NextAsync();
            Assert.Equal(($"logs_{tokenId}.out", 0L, 9L, "part one\n"), Describe(first));
            await AttachAsync(pool, tokenId, "part one\npart two ü\n");
            Assert.Equal(($"logs_{tokenId}.out", 9L, 21L, "part two ü\n"), Describe(await tail.NextAsync()));
            await tail.CompleteAsync();
        }

        // The stock client: the job's standard output attached once, as the job ends.
        var run = TokenPoolServer.IdOf(await pool.CreateExperimentAsync(researcher, image, new { text = "b" }, name: "run"));
        await pool.InPoolAsync(researcher, run);
        await using var log = await LiveFilesSocket.OpenAsync(pool.Server, researcher.Token, LiveFilesSocket.Log, new { id = run });
        await using var outputs = await LiveFilesSocket.OpenAsync(pool.Server, researcher.Token, LiveFilesSocket.Outputs, new { id = run });
        var start = await outputs.NextAsync();
        Assert.False(start.GetProperty("final").GetBoolean());
        Assert.Empty(start.GetProperty("files").EnumerateArray());

        Assert.Equal(0, (await pool.RunPilotAsync()).ExitCode);

        var text = new StringBuilder();
        JsonElement chunk;
        while (!(chunk = await log.NextAsync()).GetProperty("final").GetBoolean())
        {
            text.Append(chunk.GetProperty("text").GetString());
        }

        Assert.StartsWith("ran ", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(text.ToString()), chunk.GetProperty("nextOffset").GetInt64());
        await log.AssertCompleteAsync();

        JsonElement last;
        while (!(last = await outputs.NextAsync()).GetProperty("final").GetBoolean())
        {
        }

        Assert.Equal("COMPLETED", last.GetProperty("status").GetString());
        Assert.Equal(["logs/summary.txt", "result.json"], last.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("name").GetString()));
        Assert.All(last.GetProperty("files").EnumerateArray(), file => Assert.True(file.GetProperty("size").GetInt64() > 0));
        await outputs.AssertCompleteAsync();
    }

    private static (string, long, long, string) Describe(JsonElement chunk) =>
        (chunk.GetProperty("name").GetString()!, chunk.GetProperty("offset").GetInt64(), chunk.GetProperty("nextOffset").GetInt64(), chunk.GetProperty("text").GetString()!);

    /// <summary>Attaches <paramref name="text"/> as the job's standard output, as a pilot does (a new revision of the token).</summary>
    private static async Task AttachAsync(TokenPoolServer pool, string tokenId, string text)
    {
        var revision = (await pool.TokenAsync(tokenId))["_rev"]!.GetValue<string>();
        using var http = pool.Pool.Client();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await http.PutAsync($"{PicasTestPool.Database}/{tokenId}/logs_{tokenId}.out?rev={revision}", content);
        response.EnsureSuccessStatusCode();
    }
}
