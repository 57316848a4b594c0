using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Picas;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Picas;

/// <summary>What the token pool's tests share: the server's settings for a pool, and waiting until the server says it is ready.</summary>
internal static class PicasTestPool
{
    public const string Database = "ipp-tokens";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The server's settings for <paramref name="url"/> (as the administrator, or with <paramref name="password"/>), retrying quickly.</summary>
    public static string[] Settings(string url, string? password = PouchDbServer.AdminPassword) =>
    [
        $"--Picas:Url={url}",
        $"--Picas:Database={Database}",
        .. password is null ? Array.Empty<string>() : [$"--Picas:Username={PouchDbServer.AdminName}", $"--Picas:Password={password}"],
        "--Picas:Retries=0",
        "--Picas:SetupRetryInterval=00:00:01",
        "--Picas:RequestTimeout=00:00:10",
    ];

    /// <summary>Client settings for <paramref name="pool"/> without retries.</summary>
    public static PicasOptions Options(PouchDbServer pool, string? password = PouchDbServer.AdminPassword) => new()
    {
        Url = pool.Url,
        Database = Database,
        Username = password is null ? null : PouchDbServer.AdminName,
        Password = password,
        Retries = 0,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Asks <c>/health/ready</c> until it answers 200, and gives the last answer if it never does.</summary>
    public static async Task WaitUntilReadyAsync(RunningServer server)
    {
        using var client = server.CreateClient();
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not ready within {ReadyTimeout}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Writes a token the way the client's own examples make one (create_tokens.py), with <paramref name="input"/> as its job.</summary>
    public static async Task WriteTokenAsync(HttpClient pool, string id, string input)
    {
        var token = new JsonObject
        {
            ["type"] = "token",
            ["lock"] = 0,
            ["done"] = 0,
            ["hostname"] = "",
            ["scrub_count"] = 0,
            ["exit_code"] = "",
            ["input"] = input,
        };
        using var response = await pool.PutAsJsonAsync($"{Database}/{id}", token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The pool's <c>overview_total</c> view grouped by state: how many tokens each state has.</summary>
    public static async Task<Dictionary<string, int>> OverviewAsync(HttpClient pool)
    {
        var answer = await pool.GetFromJsonAsync<JsonObject>($"{Database}/_design/Monitor/_view/overview_total?group=true");
        return answer!["rows"]!.AsArray().ToDictionary(row => row!["key"]!.GetValue<string>(), row => row!["value"]!.GetValue<int>());
    }
}
