using System.Net.Http.Json;
using System.Text.Json;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// What the folder watcher costs the kernel, on the server run as its own process: one inotify watch for the uploads
/// root, one per user's folder and one per namespace folder in it, never one inside an experiment's folder, so the
/// watches do not grow with the experiments. When the kernel refuses more (fs.inotify.max_user_watches, lowered
/// for the server alone in a user namespace of its own), the server says so once and the reconciliation scan
/// brings changes instead.
/// </summary>
public sealed class LiveWatchesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));

    public LiveWatchesTests() => Directory.CreateDirectory(_folder);

    private string Uploads => Path.Combine(_folder, "uploads");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Only_the_root_the_users_and_their_namespace_folders_are_watched_however_many_experiments()
    {
        // The configuration's reload is off, so that every watch of the process is the folder watcher's.
        await using var server = await ServerProcess.StartBuiltAsync(Settings("--Experiments:ReconcileInterval=0"));

        // Two users' folders made while the server runs, one experiment in each namespace folder.
        MakeExperiment(1, "submitted", 1);
        MakeExperiment(1, "completed", 2);
        MakeExperiment(2, "running", 3);
        string[] watched = [".", "1", "1/completed", "1/submitted", "2", "2/running"];
        await WaitForWatchedAsync(server, watched);

        // 200 experiments more (each with a folder inside, as results have): not one watch more.
        for (var eid = 4; eid <= 203; eid++)
        {
            MakeExperiment(eid % 2 + 1, eid % 2 == 0 ? "submitted" : "running", eid);
        }

        await server.WaitForOutputAsync("The folder of experiment 203 under user 2 changed");
        Assert.Equal(watched, InotifyWatches.WatchedIn(server.Id, Uploads));
        Assert.Equal(watched.Length, InotifyWatches.Of(server.Id).Count);

        // A user's folder moved in whole is watched with its namespace folders; one moved out is no longer watched.
        var arriving = Path.Combine(_folder, "arriving");
        Directory.CreateDirectory(Path.Combine(arriving, "failed", "300", "results"));
        Directory.Move(arriving, Path.Combine(Uploads, "3"));
        Directory.Move(Path.Combine(Uploads, "2"), Path.Combine(_folder, "gone"));
        string[] afterMoves = [".", "1", "1/completed", "1/submitted", "3", "3/failed"];
        await WaitForWatchedAsync(server, afterMoves);
    }

    [Fact]
    public async Task When_the_kernel_refuses_more_watches_the_scan_brings_changes_after_one_warning()
    {
        // In a user namespace of its own the server may hold 2 watches (the root and one user's folder): Linux 5.11
        // and later count inotify watches per user namespace, and its root may lower the namespace's limit. The
        // machine's setting (fs.inotify.max_user_watches) is not touched.
        string[] launcher = ["unshare", "--user", "--map-root-user", "sh", "-c", "echo 2 > /proc/sys/user/max_inotify_watches && exec \"$@\"", "sh"];
        await using var server = await ServerProcess.StartBuiltThroughAsync(launcher, Settings("--Experiments:ReconcileInterval=00:00:01", "--Accounts:BcryptCost=4"));
        using var http = server.CreateClient();
        var token = (await PostAsync(http, null, """
            mutation { createUser(input: { email: "ada@example.org", password: "correct horse battery" }) { token } }
            """)).GetProperty("createUser").GetProperty("token").GetString()!;

        // The draft's folder makes the user's folder and its editing folder: the kernel refuses the third watch.
        var id = (await PostAsync(http, token, """
            mutation { createExperiment(input: { application: "data-request", name: "Refused", draft: true,
              parameters: { institution: "Soak", purpose: "research" } }) { experiment { id } } }
            """)).GetProperty("createExperiment").GetProperty("experiment").GetProperty("id").GetString()!;
        await PostAsync(http, token, $$"""mutation { submitExperiment(input: { id: "{{id}}" }) { experiment { status } } }""");
        await server.WaitForOutputAsync("fs.inotify.max_user_watches");

        // The backend's move is recorded all the same, by the scan.
        var eid = Path.GetFileName(Directory.GetDirectories(Path.Combine(Uploads, "1", "submitted")).Single());
        Directory.CreateDirectory(Path.Combine(Uploads, "1", "running"));
        Directory.Move(Path.Combine(Uploads, "1", "submitted", eid), Path.Combine(Uploads, "1", "running", eid));
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (await StatusAsync(http, token) != "RUNNING")
        {
            Assert.True(DateTime.UtcNow < deadline, "Waited in vain for the scan to record the move.");
            await Task.Delay(100);
        }

        var warnings = server.OutputLines.Where(line => line.Contains("fs.inotify.max_user_watches", StringComparison.Ordinal)).ToList();
        Assert.True(warnings.Count == 1, string.Join('\n', warnings));
        Assert.Contains("only through the reconciliation scan, every 00:00:01 (Experiments:ReconcileInterval)", warnings[0]);
        Assert.Empty(InotifyWatches.Of(server.Id));
    }

    private string[] Settings(params string[] more) =>
    [
        $"--ConnectionStrings:Ipp=Data Source={Path.Combine(_folder, "ipp.db")}",
        $"--UPLOAD_FOLDER={Uploads}",
        "--hostBuilder:reloadConfigOnChange=false",
        .. more,
    ];

    private void MakeExperiment(long userId, string status, long experimentId) =>
        Directory.CreateDirectory(Path.Combine(Uploads, userId.ToString(), status, experimentId.ToString(), "results"));

    /// <summary>
    /// Waits until the process watches exactly <paramref name="expected"/> and nothing else: a folder moved out is
    /// let go of when its move is read, a moment after it happened.
    /// </summary>
    private async Task WaitForWatchedAsync(ServerProcess server, string[] expected)
    {
        var deadline = DateTime.UtcNow + LiveFixture.Patience;
        while (true)
        {
            var watched = InotifyWatches.WatchedIn(server.Id, Uploads);
            var all = InotifyWatches.Of(server.Id).Count;
            if (watched.SequenceEqual(expected) && all == expected.Length)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited in vain for the watches of [{string.Join(", ", expected)}] alone; watched: [{string.Join(", ", watched)}] of {all}");
            await Task.Delay(50);
        }
    }

    private static async Task<string?> StatusAsync(HttpClient http, string token) =>
        (await PostAsync(http, token, "{ experiments { nodes { status } } }")).GetProperty("experiments").GetProperty("nodes")[0].GetProperty("status").GetString();

    private static async Task<JsonElement> PostAsync(HttpClient http, string? token, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query }) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        Assert.True(!document.RootElement.TryGetProperty("errors", out _), body);
        return document.RootElement.GetProperty("data").Clone();
    }
}
