using System.Net.Http.Headers;
using System.Text;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Picas;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>An experiment's logs read from its token's attachments on pouchdb-server: cut at <c>Picas:MaxLogBytes</c>, read from an offset, and a pool down said with a code.</summary>
public sealed class ExperimentLogsTests
{
    [Fact]
    public async Task Each_attachment_is_read_up_to_the_limit_and_says_when_it_was_cut()
    {
        await using var pool = await PouchDbServer.StartAsync();
        var options = PicasTestPool.Options(pool, password: null);
        options.MaxLogBytes = 10;
        using var couch = new CouchDbClient(options);
        Assert.True((await couch.CreateDatabaseAsync(default)).IsOk);
        using var http = pool.Client();
        await PicasTestPool.WriteTokenAsync(http, "ipp-experiment-1", "true");
        var revision = (await couch.GetDocumentAsync("ipp-experiment-1", default)).Value!["_rev"]!.GetValue<string>();
        revision = await AttachAsync(http, "b.out", revision, "0123456789abcdef");
        await AttachAsync(http, "a.err", revision, "short");
        var logs = new ExperimentLogs(Options.Create(options), couch);

        var read = await logs.ReadAsync("ipp-experiment-1", default);

        Assert.Equal([new ExperimentLog("a.err", "short", false), new ExperimentLog("b.out", "0123456789", true)], read);
        Assert.Empty(await logs.ReadAsync("ipp-experiment-2", default));
        await pool.StopAsync();
        var down = await Assert.ThrowsAsync<GraphQLError>(() => logs.ReadAsync("ipp-experiment-1", default));
        Assert.Equal("TOKEN_POOL_UNAVAILABLE", down.Code);
    }

    [Fact]
    public async Task An_attachment_is_read_from_an_offset_a_piece_at_a_time()
    {
        await using var pool = await PouchDbServer.StartAsync();
        using var couch = new CouchDbClient(PicasTestPool.Options(pool, password: null));
        Assert.True((await couch.CreateDatabaseAsync(default)).IsOk);
        using var http = pool.Client();
        await PicasTestPool.WriteTokenAsync(http, "ipp-experiment-1", "true");
        var revision = (await couch.GetDocumentAsync("ipp-experiment-1", default)).Value!["_rev"]!.GetValue<string>();
        await AttachAsync(http, "job.out", revision, "0123456789abcdef");

        var middle = await couch.GetAttachmentAsync("ipp-experiment-1", "job.out", offset: 10, maxBytes: 3, default);
        var end = await couch.GetAttachmentAsync("ipp-experiment-1", "job.out", offset: 13, maxBytes: 100, default);
        var past = await couch.GetAttachmentAsync("ipp-experiment-1", "job.out", offset: 16, maxBytes: 100, default);
        var beyond = await couch.GetAttachmentAsync("ipp-experiment-1", "job.out", offset: 1000, maxBytes: 100, default);

        Assert.Equal(("abc", true), (Encoding.UTF8.GetString(middle.Value!.Content), middle.Value.Truncated));
        Assert.Equal(("def", false), (Encoding.UTF8.GetString(end.Value!.Content), end.Value.Truncated));
        Assert.Equal(("", false), (Encoding.UTF8.GetString(past.Value!.Content), past.Value.Truncated));
        Assert.Equal(("", false), (Encoding.UTF8.GetString(beyond.Value!.Content), beyond.Value.Truncated));
    }

    /// <summary>Attaches <paramref name="text"/> as a pilot does (RunActor's put_attachment); the token's new revision.</summary>
    private static async Task<string> AttachAsync(HttpClient http, string name, string revision, string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await http.PutAsync($"{PicasTestPool.Database}/ipp-experiment-1/{name}?rev={revision}", content);
        response.EnsureSuccessStatusCode();
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return answer["rev"]!.GetValue<string>();
    }
}
