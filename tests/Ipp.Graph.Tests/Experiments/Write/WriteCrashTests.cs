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
            await WaitForSpooledBytesAsync(minimum: 1024 * 1024, server);
            await server.KillAsync();
            body.Resume();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }

        Assert.Empty(ExperimentFolders(Uploads));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Uploads, ".staging")));
        Assert.Equal(0, await CountExperimentRowsAsync());
        // The upload really was midway: its partial file is still in the spool.
        Assert.NotEmpty(Directory.GetFileSystemEntries(Path.Combine(Uploads, ".incoming")));

        await using (var restarted = await ServerProcess.StartBuiltAsync(Settings))
        {
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Uploads, ".incoming")));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Uploads, ".staging")));
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

    private async Task WaitForSpooledBytesAsync(long minimum, ServerProcess server)
    {
        var incoming = Path.Combine(Uploads, ".incoming");
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

    /// <summary>
    /// A createExperiment multipart body announcing one large file, generated as it is sent, that stops sending
    /// after <c>bytesBeforeStall</c> bytes of the file until <see cref="Resume"/>.
    /// </summary>
    private sealed class StalledUploadContent(long totalFileBytes, long bytesBeforeStall) : HttpContent
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[] _head = WriteMultipart.Head(new { application = "demo", name = "Huge" }, [("images", "huge.bin")]);
        private readonly byte[] _fileHeader = WriteMultipart.FileHeader(0, "huge.bin");

        /// <summary>Completes when the body stopped sending.</summary>
        public Task Stalled => _stalled.Task;

        /// <summary>Sends the rest (after the server died: the next write fails and the request with it).</summary>
        public void Resume() => _resumed.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_head);
            await stream.WriteAsync(_fileHeader);
            var chunk = new byte[64 * 1024];
            Random.Shared.NextBytes(chunk);
            for (long sent = 0; sent < bytesBeforeStall; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.FlushAsync();
            _stalled.TrySetResult();
            // Hold the request open, midway, until the test has killed the server.
            await _resumed.Task.WaitAsync(TimeSpan.FromMinutes(2));
            for (long sent = bytesBeforeStall; sent < totalFileBytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, totalFileBytes - sent)));
            }

            await stream.WriteAsync(WriteMultipart.PartEnd);
            await stream.WriteAsync(WriteMultipart.Close);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _head.Length + _fileHeader.Length + totalFileBytes + WriteMultipart.PartEnd.Length + WriteMultipart.Close.Length;
            return true;
        }
    }
}
