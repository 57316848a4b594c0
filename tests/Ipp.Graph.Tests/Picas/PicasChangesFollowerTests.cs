using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Data;
using Ipp.Graph.Picas;
using Ipp.Graph.Picas.Entities;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// The changes follower and the reconciliation on the real server against pouchdb-server, with the real pilot
/// driving the tokens: each state a pilot writes reaches the observer, a restarted follower resumes from its stored
/// position, a document of another shape is skipped, and the views hand on what the feed might have missed.
/// </summary>
public sealed class PicasChangesFollowerTests
{
    private static string[] Settings(PouchDbServer pool) =>
    [
        .. PicasTestPool.Settings(pool.Url, password: null),
        "--Picas:OutboxPollInterval=00:00:00.200",
        "--Picas:ChangesWait=00:00:01",
        "--Picas:RequestTimeout=00:00:02",
        "--Picas:ReconcileInterval=00:00:00",
    ];

    /// <summary>
    /// Takes the server's own observers away (the experiments' is registered with a pool), so its follower does not
    /// run and store positions while the test runs followers of its own.
    /// </summary>
    private static void WithoutObservers(WebApplicationBuilder builder) => builder.Services.RemoveAll<IPicasTokenObserver>();

    [Fact]
    public async Task Every_state_a_pilot_writes_reaches_the_observer()
    {
        await using var pool = await PouchDbServer.StartAsync();
        var observer = new RecordingTokenObserver();
        await using var server = await RunningServer.StartAsync(builder => builder.Services.AddSingleton<IPicasTokenObserver>(observer), Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        using var http = pool.Client();

        await PostAsync(server, "exp-ok");
        await observer.WaitForAsync(token => token.Id == "exp-ok" && token.Lock == 0);
        await PicasPilot.RunAsync(pool, PicasTestPool.Database);
        var completed = await observer.WaitForAsync(token => token.Id == "exp-ok" && token.Done > 0);

        await PostAsync(server, "exp-fails");
        await observer.WaitForAsync(token => token.Id == "exp-fails");
        await PicasPilot.RunAsync(pool, PicasTestPool.Database, jobExitCode: 3);
        var failed = await observer.WaitForAsync(token => token.Id == "exp-fails" && token.Done > 0);

        await PostAsync(server, "exp-crash");
        await observer.WaitForAsync(token => token.Id == "exp-crash");
        await PicasPilot.RunAsync(pool, PicasTestPool.Database, crashMidway: true);
        var crashed = await observer.WaitForAsync(token => token.Id == "exp-crash" && token.Lock == -1);

        Assert.Equal(0, completed.ExitCode);
        Assert.True(completed.Lock > 0);
        Assert.NotEqual("", completed.Hostname);
        Assert.Equal(["logs_exp-ok.err", "logs_exp-ok.out"], completed.Logs);
        Assert.Equal(3, failed.ExitCode);
        Assert.Equal(-1, crashed.Done);
        Assert.Null(crashed.ExitCode);
        Assert.Equal(1, crashed.ScrubCount);
        // No state of the token that completed says another outcome.
        Assert.All(observer.Changed.Where(token => token.Id == "exp-ok"), token => Assert.True(token.Done == 0 || token.ExitCode == 0));
    }

    [Fact]
    public async Task A_restarted_follower_resumes_from_its_stored_position_and_skips_documents_of_another_shape()
    {
        await using var pool = await PouchDbServer.StartAsync();
        // No observer of its own: the test runs the followers itself, one after the other, as restarts would.
        await using var server = await RunningServer.StartAsync(WithoutObservers, Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        using var http = pool.Client();
        await PicasTestPool.WriteTokenAsync(http, "before-1", "true");
        await PicasTestPool.WriteTokenAsync(http, "before-2", "true");
        (await http.PutAsJsonAsync($"{PicasTestPool.Database}/a-task", new JsonObject { ["type"] = "task", ["lock"] = 0, ["done"] = 0 })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"{PicasTestPool.Database}/bad-lock", new JsonObject { ["type"] = "token", ["lock"] = "soon", ["done"] = 0 })).EnsureSuccessStatusCode();
        await PicasTestPool.WriteTokenAsync(http, "before-3", "true");

        var first = new RecordingTokenObserver();
        await RunFollowerAsync(server, http, first);
        await PicasTestPool.WriteTokenAsync(http, "after-1", "true");
        var second = new RecordingTokenObserver();
        await RunFollowerAsync(server, http, second);

        Assert.Equal(["before-1", "before-2", "before-3"], first.Changed.Select(token => token.Id));
        Assert.Equal(["after-1"], second.Changed.Select(token => token.Id));
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("a-task is not a token", StringComparison.Ordinal));
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("bad-lock is not a token", StringComparison.Ordinal));
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        Assert.Equal(PicasTestPool.Database, (await db.Set<PicasFeedPosition>().SingleAsync()).Database);
    }

    [Fact]
    public async Task A_change_the_observer_failed_on_is_handed_on_again_before_the_position_moves()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var server = await RunningServer.StartAsync(WithoutObservers, Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        using var http = pool.Client();
        await PicasTestPool.WriteTokenAsync(http, "flaky", "true");
        var observer = new FailingOnceObserver();

        await RunFollowerAsync(server, http, observer);

        Assert.Equal(["flaky", "flaky"], observer.Calls);
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("it is handed on again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reconciliation_hands_on_the_tokens_of_the_locked_done_and_error_views()
    {
        await using var pool = await PouchDbServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Settings(pool));
        await PicasTestPool.WaitUntilReadyAsync(server);
        using var http = pool.Client();
        await PicasTestPool.WriteTokenAsync(http, "done", "true");
        await PicasTestPool.WriteTokenAsync(http, "error", "exit 2");
        await PicasPilot.RunAsync(pool, PicasTestPool.Database);
        await PicasTestPool.WriteTokenAsync(http, "waiting", "true");
        var observer = new RecordingTokenObserver();
        var services = server.Services;
        var reconciler = new PicasTokenReconciler(
            services.GetRequiredService<CouchDbClient>(), [observer], services.GetRequiredService<PicasPoolStatus>(), TimeProvider.System,
            services.GetRequiredService<IOptions<PicasOptions>>(), services.GetRequiredService<ILogger<PicasTokenReconciler>>());

        await reconciler.ReconcileAsync(default);

        Assert.Equal(["done", "error"], observer.Changed.Select(token => token.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, observer.Changed.Single(token => token.Id == "error").ExitCode);
    }

    /// <summary>
    /// Runs a follower handing on to <paramref name="observer"/> until its stored position reaches the pool's latest
    /// change (all handed on), then stops it.
    /// </summary>
    private static async Task RunFollowerAsync(RunningServer server, HttpClient pool, IPicasTokenObserver observer)
    {
        var latest = (await pool.GetFromJsonAsync<JsonObject>(PicasTestPool.Database))!["update_seq"]!.ToJsonString();
        var services = server.Services;
        var follower = new PicasChangesFollower(
            services.GetRequiredService<IDbContextFactory<IppDbContext>>(), services.GetRequiredService<CouchDbClient>(), [observer],
            services.GetRequiredService<PicasPoolStatus>(), TimeProvider.System, services.GetRequiredService<IOptions<PicasOptions>>(),
            services.GetRequiredService<ILogger<PicasChangesFollower>>());
        await follower.StartAsync(default);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                await using (var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
                {
                    if (await db.Set<PicasFeedPosition>().AnyAsync(p => p.Sequence == latest))
                    {
                        return;
                    }
                }

                Assert.True(DateTime.UtcNow < deadline, $"The follower did not store the position {latest}.");
                await Task.Delay(50);
            }
        }
        finally
        {
            await follower.StopAsync(default);
        }
    }

    private static async Task PostAsync(RunningServer server, string id)
    {
        var outbox = server.Services.GetRequiredService<PicasOutbox>();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync())
        {
            outbox.Add(db, new PicasTask(id, "/images/tool.sif", [], [], "/out/" + id));
            await db.SaveChangesAsync();
        }

        outbox.Wake();
    }

    /// <summary>An observer that fails the first time it is handed a token, as one whose database is briefly down.</summary>
    private sealed class FailingOnceObserver : IPicasTokenObserver
    {
        public List<string> Calls { get; } = [];

        public Task TokenChangedAsync(PicasTokenState token, CancellationToken cancellationToken)
        {
            Calls.Add(token.Id);
            return Calls.Count == 1 ? Task.FromException(new InvalidOperationException("The observer's database is down.")) : Task.CompletedTask;
        }

        public Task TokenDeletedAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
