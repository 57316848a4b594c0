using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Data;
using Ipp.Graph.Picas;
using Ipp.Graph.Picas.Entities;
using Ipp.Graph.Tests.Storage.Blobs;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// The outbox on the real server against pouchdb-server: every token written to it reaches the pool exactly once,
/// when the pool is down for a while, when several workers race for the same tokens, and when an earlier post
/// reached the pool but was never marked.
/// </summary>
public sealed class PicasOutboxTests
{
    private static readonly TimeSpan PostedTimeout = TimeSpan.FromSeconds(90);

    private static string[] Settings(PouchDbServer pool) => Settings(pool.Url);

    private static string[] Settings(string poolUrl) =>
    [
        .. PicasTestPool.Settings(poolUrl, password: null),
        "--Picas:OutboxPollInterval=00:00:00.200",
        "--Picas:RetryDelay=00:00:00.100",
        "--Picas:OutboxMaxRetryDelay=00:00:01",
    ];

    [Fact]
    public async Task Each_token_reaches_the_pool_once_though_the_pool_is_down_for_a_while()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        await pool.StopAsync();

        var ids = Enumerable.Range(1, 20).Select(n => $"exp-{n}").ToList();
        await AddAsync(server, ids);
        await WaitUntilAsync(server, async db => await db.Set<PicasOutboxEntry>().AnyAsync(e => e.Attempts >= 2));
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("could not be posted to the pool", StringComparison.Ordinal));
        await pool.RestartAsync();
        await WaitUntilAsync(server, async db => await db.Set<PicasOutboxEntry>().AllAsync(e => e.PostedAt != null));

        await AssertPoolHoldsOnceAsync(pool, ids);
    }

    [Fact]
    public async Task Workers_racing_for_the_same_tokens_post_each_once()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        // Two more workers beside the server's own, on the same database and pool, as other instances would run.
        var others = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<PicasOutboxWorker>(server.Services)).ToList();
        foreach (var worker in others)
        {
            await worker.StartAsync(default);
        }

        try
        {
            var ids = Enumerable.Range(1, 60).Select(n => $"race-{n}").ToList();
            await AddAsync(server, ids);
            await WaitUntilAsync(server, async db => await db.Set<PicasOutboxEntry>().AllAsync(e => e.PostedAt != null));

            await AssertPoolHoldsOnceAsync(pool, ids);
        }
        finally
        {
            foreach (var worker in others)
            {
                await worker.StopAsync(default);
            }
        }
    }

    [Fact]
    public async Task A_token_an_earlier_post_left_in_the_pool_is_found_there_and_not_written_again()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        var task = new PicasTask("exp-7", "image.sif", [], [], "/out");
        using var http = pool.Client();
        // A worker posted it, then the instance died before marking the row.
        (await http.PutAsJsonAsync($"{PicasTestPool.Database}/exp-7", PicasTokenDocument.Create(task))).EnsureSuccessStatusCode();

        await AddAsync(server, ["exp-7"]);
        await WaitUntilAsync(server, async db => await db.Set<PicasOutboxEntry>().AllAsync(e => e.PostedAt != null));

        var token = await http.GetFromJsonAsync<JsonObject>($"{PicasTestPool.Database}/exp-7");
        Assert.StartsWith("1-", token!["_rev"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await ReadEntryAsync(server, "exp-7")).Attempts);
    }

    [Fact]
    public async Task One_wake_posts_every_waiting_token_batch_after_batch()
    {
        await using var pool = await PouchDbServer.StartAsync();
        // No round comes by the clock within the test: only the one wake below may post.
        await using var server = await RunningServer.StartAsync([.. PicasTestPool.Settings(pool.Url, password: null), "--Picas:OutboxPollInterval=01:00:00", "--Picas:OutboxBatchSize=10"]);
        await PicasTestPool.WaitUntilReadyAsync(server);

        var ids = Enumerable.Range(1, 35).Select(n => $"batch-{n}").ToList();
        await AddAsync(server, ids);
        await WaitUntilAsync(server, async db => await db.Set<PicasOutboxEntry>().AllAsync(e => e.PostedAt != null));

        await AssertPoolHoldsOnceAsync(pool, ids);
    }

    [Fact]
    public async Task A_token_withheld_while_its_post_is_on_the_way_stays_withheld_when_the_post_fails()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var server = await RunningServer.StartAsync([.. Settings(pool), "--Picas:RequestTimeout=00:00:03"]);
        await PicasTestPool.WaitUntilReadyAsync(server);
        await pool.StopAsync();
        // The pool's port now takes requests and never answers: the worker's post waits out its timeout.
        await using var silent = new CannedHttpServer(answer: null, port: pool.Port);

        await AddAsync(server, ["slow-1"]);
        await silent.WaitForRequestAsync($"POST /{PicasTestPool.Database}/_bulk_docs");
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
        {
            Assert.True(await server.Services.GetRequiredService<PicasOutbox>().TryWithholdAsync(db, "slow-1", default));
        }

        await server.Logs.WaitForAsync(entry => entry.Message.Contains("slow-1 could not be posted", StringComparison.Ordinal), "the failed post");
        var entry = await ReadEntryAsync(server, "slow-1");
        Assert.Equal(PicasOutbox.WithheldNote, entry.LastFailure);
        Assert.Equal(9999, entry.NextAttemptAt.Year);
        Assert.Equal(0, entry.Attempts);
    }

    [Fact]
    public async Task A_token_withheld_while_its_post_is_on_the_way_is_taken_back_out_of_the_pool_when_the_post_goes_through()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var proxy = new HoldingProxy(pool.Port, $"POST /{PicasTestPool.Database}/_bulk_docs");
        await using var server = await RunningServer.StartAsync(Settings(proxy.Url));
        await PicasTestPool.WaitUntilReadyAsync(server);

        await AddAsync(server, ["late-1"]);
        await proxy.WaitUntilHeldAsync();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
        {
            Assert.True(await server.Services.GetRequiredService<PicasOutbox>().TryWithholdAsync(db, "late-1", default));
        }

        proxy.Release();

        await server.Logs.WaitForAsync(entry => entry.Message.Contains("late-1 was withheld while its post was on the way", StringComparison.Ordinal), "the token taken back");
        // Written, then deleted: the feed shows it so.
        using var http = pool.Client();
        var changes = await http.GetFromJsonAsync<JsonObject>($"{PicasTestPool.Database}/_changes");
        var change = changes!["results"]!.AsArray().Single(result => result!["id"]!.GetValue<string>() == "late-1")!;
        Assert.True(change["deleted"]?.GetValue<bool>());
        var entry = await ReadEntryAsync(server, "late-1");
        Assert.Null(entry.PostedAt);
        Assert.Equal(PicasOutbox.WithheldNote, entry.LastFailure);
    }

    /// <summary>Writes a token per id to the outbox in one transaction, as a feature does, and wakes the worker.</summary>
    private static async Task AddAsync(RunningServer server, IEnumerable<string> ids)
    {
        var outbox = server.Services.GetRequiredService<PicasOutbox>();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
        {
            foreach (var id in ids)
            {
                outbox.Add(db, new PicasTask(id, "/images/tool.sif", new JsonObject { ["n"] = id }, ["in/" + id], "out/" + id));
            }

            await db.SaveChangesAsync();
        }

        outbox.Wake();
    }

    private static async Task<PicasOutboxEntry> ReadEntryAsync(RunningServer server, string id)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        return await db.Set<PicasOutboxEntry>().SingleAsync(e => e.TokenId == id);
    }

    private static async Task WaitUntilAsync(RunningServer server, Func<IppDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + PostedTimeout;
        while (true)
        {
            await using (var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The outbox did not get there in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>The pool holds exactly the tokens <paramref name="ids"/>, each once, each written once (first revision).</summary>
    private static async Task AssertPoolHoldsOnceAsync(PouchDbServer pool, IReadOnlyCollection<string> ids)
    {
        using var http = pool.Client();
        var all = await http.GetFromJsonAsync<JsonObject>($"{PicasTestPool.Database}/_all_docs?include_docs=true");
        var tokens = all!["rows"]!.AsArray().Select(row => row!["doc"]!.AsObject()).Where(doc => !doc["_id"]!.GetValue<string>().StartsWith("_design/", StringComparison.Ordinal)).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), tokens.Select(doc => doc["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(tokens, doc => Assert.StartsWith("1-", doc["_rev"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(tokens, doc => Assert.Equal("token", doc["type"]!.GetValue<string>()));
    }
}
