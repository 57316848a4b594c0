using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// The token pool's setup at start, on the real server against pouchdb-server, proven with the stock PiCaS client:
/// what the server makes is what the client's pilot claims tokens through and its view counts read; what is there is
/// left alone; a pool that cannot be reached or refuses the credentials is said, reported by the readiness probe and
/// tried again, never a crash.
/// </summary>
public sealed class PicasPoolSetupTests
{
    [Fact]
    public async Task The_server_makes_the_database_and_views_the_stock_pilot_claims_tokens_through()
    {
        await using var pool = await PouchDbServer.StartAsync(withAdmin: true);
        await using var server = await RunningServer.StartAsync(PicasTestPool.Settings(pool.Url));
        await PicasTestPool.WaitUntilReadyAsync(server);
        using var http = pool.Client();
        await PicasTestPool.WriteTokenAsync(http, "token-ok", "echo fine");
        await PicasTestPool.WriteTokenAsync(http, "token-fails", "exit 3");
        Assert.Equal(new Dictionary<string, int> { ["todo"] = 2 }, await PicasTestPool.OverviewAsync(http));

        var run = await PicasPilot.RunAsync(pool, PicasTestPool.Database);

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Equal(["token-fails", "token-ok"], run.Finished.Order());
        Assert.Equal(new Dictionary<string, int> { ["done"] = 1, ["error"] = 1 }, await PicasTestPool.OverviewAsync(http));
        var failed = await http.GetFromJsonAsync<JsonObject>($"{PicasTestPool.Database}/token-fails");
        Assert.Equal(3, failed!["exit_code"]!.GetValue<int>());
        Assert.Contains(server.Logs.Entries, entry => entry.Message.Contains("design document _design/Monitor was missing and is created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_design_document_that_is_there_is_left_alone()
    {
        await using var pool = await PouchDbServer.StartAsync(withAdmin: true);
        using var http = pool.Client();
        (await http.PutAsync(PicasTestPool.Database, null)).EnsureSuccessStatusCode();
        var own = new JsonObject { ["language"] = "javascript", ["views"] = new JsonObject { ["todo"] = new JsonObject { ["map"] = "function (doc) { emit(doc._id, 1); }" } } };
        (await http.PutAsJsonAsync($"{PicasTestPool.Database}/_design/Monitor", own)).EnsureSuccessStatusCode();
        var before = await http.GetStringAsync($"{PicasTestPool.Database}/_design/Monitor");

        // Twice: the first server finds it there, the second (a restart) too.
        for (var start = 0; start < 2; start++)
        {
            await using var server = await RunningServer.StartAsync(PicasTestPool.Settings(pool.Url));
            await PicasTestPool.WaitUntilReadyAsync(server);
            Assert.DoesNotContain(server.Logs.Entries, entry => entry.Message.Contains("is created", StringComparison.Ordinal));
        }

        Assert.Equal(before, await http.GetStringAsync($"{PicasTestPool.Database}/_design/Monitor"));
    }

    [Fact]
    public async Task An_unreachable_pool_is_said_at_start_reported_not_ready_and_set_up_once_it_answers()
    {
        var port = FreePort.Take();
        var url = $"http://127.0.0.1:{port}/";
        await using var server = await RunningServer.StartAsync(PicasTestPool.Settings(url));
        using var client = server.CreateClient();

        var notReady = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unavailable: token-pool (failed)", await notReady.Content.ReadAsStringAsync());
        var warning = await WaitForLogAsync(server, "cannot be set up");
        Assert.Contains(url, warning, StringComparison.Ordinal);
        Assert.Contains("Unreachable", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(PouchDbServer.AdminPassword, string.Join('\n', server.Logs.Entries.Select(entry => entry.Message)), StringComparison.Ordinal);

        await using var pool = await PouchDbServer.StartAsync(withAdmin: true, port: port);
        await PicasTestPool.WaitUntilReadyAsync(server);
        using var http = pool.Client();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{PicasTestPool.Database}/_design/Monitor")).StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_are_said_and_reported_not_ready()
    {
        await using var pool = await PouchDbServer.StartAsync(withAdmin: true);
        await using var server = await RunningServer.StartAsync(PicasTestPool.Settings(pool.Url, password: "wrong"));
        using var client = server.CreateClient();

        var warning = await WaitForLogAsync(server, "cannot be set up");

        Assert.Contains("Unauthorized", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", warning, StringComparison.Ordinal);
        var notReady = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unavailable: token-pool (failed)", await notReady.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_pool_the_server_needs_none_and_is_ready()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Null(server.Services.GetService<Ipp.Graph.Picas.CouchDbClient>());
    }

    /// <summary>The first log message holding <paramref name="text"/>, once the server wrote it.</summary>
    private static async Task<string> WaitForLogAsync(RunningServer server, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var entry = server.Logs.Entries.FirstOrDefault(entry => entry.Message.Contains(text, StringComparison.Ordinal));
            if (entry is not null)
            {
                return entry.Message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No log message with '{text}'.");
            await Task.Delay(50);
        }
    }
}
