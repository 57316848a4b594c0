using System.Text.Json.Nodes;
using Ipp.Graph.Picas;
using Ipp.Graph.Tests.Storage.Blobs;
using Ipp.Graph.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// The token pool's CouchDB client against pouchdb-server (documents, revisions, views, the changes feed), and every
/// way a server can fail it as a typed failure instead of an exception.
/// </summary>
public sealed class CouchDbClientTests
{
    [Fact]
    public async Task Documents_are_written_by_id_and_revision_and_a_stale_write_is_a_conflict()
    {
        await using var pool = await PouchDbServer.StartAsync(withAdmin: true);
        using var couch = new CouchDbClient(PicasTestPool.Options(pool));
        Assert.True((await couch.CreateDatabaseAsync(default)).Value);
        Assert.False((await couch.CreateDatabaseAsync(default)).Value);

        var first = await couch.PutDocumentAsync("exp-1", new JsonObject { ["type"] = "token", ["lock"] = 0 }, default);
        var again = await couch.PutDocumentAsync("exp-1", new JsonObject { ["type"] = "token", ["lock"] = 0 }, default);
        var read = await couch.GetDocumentAsync("exp-1", default);
        var update = read.Value!.DeepClone().AsObject();
        update["lock"] = 5;
        var second = await couch.PutDocumentAsync("exp-1", update, default);
        var stale = await couch.PutDocumentAsync("exp-1", read.Value!, default);

        Assert.True(first.IsOk);
        Assert.Equal(CouchOutcome.Conflict, again.Outcome);
        Assert.Equal(first.Value, read.Value!["_rev"]!.GetValue<string>());
        Assert.True(second.IsOk);
        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(CouchOutcome.Conflict, stale.Outcome);
        Assert.Equal(5, (await couch.GetDocumentAsync("exp-1", default)).Value!["lock"]!.GetValue<int>());
        Assert.Equal(CouchOutcome.NotFound, (await couch.GetDocumentAsync("exp-2", default)).Outcome);
    }

    [Fact]
    public async Task Views_are_asked_by_keys_and_limits_with_their_documents()
    {
        await using var pool = await PouchDbServer.StartAsync();
        using var couch = new CouchDbClient(PicasTestPool.Options(pool, password: null));
        Assert.True((await new PicasPoolSetup(couch, NullLogger<PicasPoolSetup>.Instance).RunAsync(default)).IsOk);
        using var http = pool.Client();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await PicasTestPool.WriteTokenAsync(http, id, "true");
        }

        var all = await couch.QueryViewAsync("Monitor", "todo", new CouchViewQuery(), default);
        var some = await couch.QueryViewAsync("Monitor", "todo", new CouchViewQuery { Keys = ["a", "c", "missing"], IncludeDocs = true }, default);
        var page = await couch.QueryViewAsync("Monitor", "todo", new CouchViewQuery { Limit = 1, Skip = 1 }, default);
        var counts = await couch.QueryViewAsync("Monitor", "overview_total", new CouchViewQuery { Group = true }, default);
        var missing = await couch.QueryViewAsync("Monitor", "nothing", new CouchViewQuery(), default);

        Assert.Equal(["a", "b", "c"], all.Value!.Rows.Select(row => row.Id));
        Assert.Equal(3, all.Value.TotalRows);
        Assert.Equal(["a", "c"], some.Value!.Rows.Select(row => row.Document!["_id"]!.GetValue<string>()));
        Assert.Equal(["b"], page.Value!.Rows.Select(row => row.Id));
        Assert.Equal(3, Assert.Single(counts.Value!.Rows).Value!.GetValue<int>());
        Assert.Equal(CouchOutcome.NotFound, missing.Outcome);
    }

    [Fact]
    public async Task The_changes_feed_is_read_from_a_given_sequence_at_once_or_by_long_poll()
    {
        await using var pool = await PouchDbServer.StartAsync();
        var options = PicasTestPool.Options(pool, password: null);
        // pouchdb-server keeps a long poll without changes open: it counts as no change after the wait and this.
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        using var couch = new CouchDbClient(options);
        await couch.CreateDatabaseAsync(default);
        await couch.PutDocumentAsync("a", new JsonObject { ["n"] = 1 }, default);
        await couch.PutDocumentAsync("b", new JsonObject { ["n"] = 2 }, default);

        var everything = await couch.ChangesAsync("0", 100, null, default);
        var firstOnly = await couch.ChangesAsync("0", 1, null, default);
        var rest = await couch.ChangesAsync(firstOnly.Value!.LastSequence, 100, null, default);
        var nothingYet = await couch.ChangesAsync(everything.Value!.LastSequence, 100, TimeSpan.FromMilliseconds(300), default);
        var waiting = couch.ChangesAsync(everything.Value.LastSequence, 100, TimeSpan.FromSeconds(30), default);
        await couch.PutDocumentAsync("c", new JsonObject { ["n"] = 3 }, default);
        var arrived = await waiting;

        Assert.Equal(["a", "b"], everything.Value.Changes.Select(change => change.Id));
        Assert.Equal(2, everything.Value.Changes[1].Document!["n"]!.GetValue<int>());
        Assert.Equal(["a"], firstOnly.Value.Changes.Select(change => change.Id));
        Assert.Equal(["b"], rest.Value!.Changes.Select(change => change.Id));
        Assert.Empty(nothingYet.Value!.Changes);
        Assert.Equal(everything.Value.LastSequence, nothingYet.Value.LastSequence);
        Assert.Equal(["c"], arrived.Value!.Changes.Select(change => change.Id));
    }

    [Fact]
    public async Task Every_failure_of_the_server_is_typed()
    {
        await using var pool = await PouchDbServer.StartAsync(withAdmin: true);
        using (var wrongPassword = new CouchDbClient(PicasTestPool.Options(pool, password: "wrong")))
        {
            Assert.Equal(CouchOutcome.Unauthorized, (await wrongPassword.CreateDatabaseAsync(default)).Outcome);
        }


        using (var unreachable = new CouchDbClient(new PicasOptions { Url = $"http://127.0.0.1:{FreePort.Take()}/", Retries = 1, RetryDelay = TimeSpan.Zero }))
        {
            Assert.Equal(CouchOutcome.Unreachable, (await unreachable.GetDocumentAsync("a", default)).Outcome);
        }

        Assert.Equal(CouchOutcome.InvalidResponse, await OutcomeOfAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n<html>hi!"));
        Assert.Equal(CouchOutcome.InvalidResponse, await OutcomeOfAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]"));
        Assert.Equal(CouchOutcome.ServerError, await OutcomeOfAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\nConnection: close\r\n\r\nbusy!"));
        Assert.Equal(CouchOutcome.ServerError, await OutcomeOfAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 17\r\nConnection: close\r\n\r\n{\"error\":\"boom\"}\n"));
        Assert.Equal(CouchOutcome.Unauthorized, await OutcomeOfAsync("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
        Assert.Equal(CouchOutcome.Unreachable, await OutcomeOfAsync(null));
    }

    /// <summary>What reading a document gives when the server answers <paramref name="answer"/> (null: says nothing).</summary>
    private static async Task<CouchOutcome> OutcomeOfAsync(string? answer)
    {
        await using var server = new CannedHttpServer(answer);
        using var couch = new CouchDbClient(new PicasOptions { Url = server.BaseUrl, Retries = 1, RetryDelay = TimeSpan.Zero, RequestTimeout = TimeSpan.FromMilliseconds(500) });
        return (await couch.GetDocumentAsync("a", default)).Outcome;
    }
}
