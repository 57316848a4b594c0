using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// The server killed (SIGKILL) midway through a large upload: nothing reaches the backend's folders or the
/// database, and the next start empties the server's working folders.
/// </summary>
public sealed class WriteCrashTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));

    private string Uploads => Path.Combine(_folder, "uploads");

    private TestDatabase _database = null!;

    private string[] Settings =>
    [
        _database.Setting,
        $"--UPLOAD_FOLDER={Uploads}",
        $"--Server:InstanceId={RunningServer.InstanceId}",
        "--Accounts:BcryptCost=4",
        $"--Applications:CatalogPath={CataloguePath}",
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateAsync(_folder);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AKillMidwayThroughAnUploadLeavesNothingVisibleAndTheRestartClearsWhatWasLeft()
    {
        string token;
        await using (var server = await ServerProcess.StartBuiltAsync(Settings))
        {
            using var client = server.CreateClient();
            token = await SignUpAsync(client);
            var body = new StalledUploadContent(totalFileBytes: 64L * 1024 * 1024, bytesBeforeStall: 8L * 1024 * 1024);
            var upload = client.SendAsync(WriteMultipart.Request(token, body));

            await body.Stalled;
            await WaitForSpooledBytesAsync(Path.Combine(Uploads, Incoming), minimum: 1024 * 1024, server);
            await server.KillAsync();
            body.Resume();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        Assert.Empty(ExperimentFolders(Uploads));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Uploads, Staging)));
        Assert.Equal(0, await CountExperimentRowsAsync());
        // The upload really was midway: its partial file is still in the spool.
        Assert.NotEmpty(Directory.GetFileSystemEntries(Path.Combine(Uploads, Incoming)));

        await using (var restarted = await ServerProcess.StartBuiltAsync(Settings))
        {
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Uploads, Incoming)));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Uploads, Staging)));
            Assert.Empty(ExperimentFolders(Uploads));
            using var client = restarted.CreateClient();
            token = await SignInAsync(client);
            using var listed = await PostAsync(client, "{ experiments { totalCount nodes { id } } }", token);
            Assert.Equal("""{"data":{"experiments":{"totalCount":0,"nodes":[]}}}""", listed.RootElement.GetRawText());

            // The server works on: an upload after the restart is kept.
            var created = await WriteMultipart.CreateAsync(
                client, token, new { application = "demo", name = "After" }, new WriteMultipart.FilePart("images", "a.bin", new byte[10]));
            Assert.Equal("SUBMITTED", created.Data("createExperiment").GetProperty("experiment").GetProperty("status").GetString());
        }

        Assert.Single(ExperimentFolders(Uploads));
    }

    /// <summary>Waits until a file in <paramref name="incoming"/> (an instance's spool) holds <paramref name="minimum"/> bytes.</summary>
    internal static async Task WaitForSpooledBytesAsync(string incoming, long minimum, ServerProcess server)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (new DirectoryInfo(incoming).EnumerateFiles("*", SearchOption.AllDirectories).Any(file => file.Length >= minimum))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No upload reached {minimum} bytes in {incoming}:\n{server.Output}");
    }

    private async Task<long> CountExperimentRowsAsync() =>
        (long)(await _database.ScalarAsync("SELECT COUNT(*) FROM experiments"))!;

    private static async Task<string> SignUpAsync(HttpClient client)
    {
        using var response = await PostAsync(
            client,
            "mutation { createUser(input: {email: \"ada@example.org\", password: \"correct horse battery\"}) { token } }");
        return response.RootElement.GetProperty("data").GetProperty("createUser").GetProperty("token").GetString()!;
    }

    private static async Task<string> SignInAsync(HttpClient client)
    {
        using var response = await PostAsync(
            client,
            "mutation { authenticate(input: {email: \"ada@example.org\", password: \"correct horse battery\"}) { token } }");
        return response.RootElement.GetProperty("data").GetProperty("authenticate").GetProperty("token").GetString()!;
    }

    private static async Task<JsonDocument> PostAsync(HttpClient client, string query, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query }) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
