using System.Text;
using System.Text.Json;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Storage.Blobs;
using static Ipp.Graph.Tests.Library.Inputs.LibraryInputs;

namespace Ipp.Graph.Tests.Library.Inputs;

/// <summary>
/// A client that leaves while an experiment copies a library file undoes the creation: the store here is a WebDAV
/// server that sends the first bytes of the blob and then nothing, so the copy waits until the request ends.
/// </summary>
public sealed class LibraryInputCopyCancelTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_client_gone_during_the_copy_leaves_no_row_and_no_folder()
    {
        await using var stalling = new CannedHttpServer("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nthe first bytes");
        await using var server = await WriteFixture.StartAsync("--Storage:Provider=WebDav", $"--Storage:WebDav:BaseUrl={stalling.BaseUrl}", "--Storage:WebDav:Retries=0");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entryId = await RecordEntryAsync(server, engineer);

        using var client = server.CreateClient();
        using var leaving = new CancellationTokenSource();
        var body = JsonSerializer.Serialize(new
        {
            query = Create,
            variables = new { input = new { application = "demo", name = "Never made", files = new[] { new { parameter = "t1", libraryEntry = entryId } } } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", engineer.Token);
        var sending = client.SendAsync(request, leaving.Token);

        // The copy has begun once its file exists in the staging folder.
        await UntilAsync(() => Directory.Exists(Path.Combine(server.UploadFolder, WriteFixture.Staging))
            && Directory.GetFiles(Path.Combine(server.UploadFolder, WriteFixture.Staging), "big.bin", SearchOption.AllDirectories).Length == 1);
        Assert.Single(await WriteFixture.RowsAsync(server));
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        await UntilAsync(async () => (await WriteFixture.RowsAsync(server)).Count == 0 && WriteFixture.EntriesOf(server, WriteFixture.Staging).Length == 0);
        Assert.Empty(WriteFixture.ExperimentFolders(server.UploadFolder));
        // The canned server is no WebDAV server for the library's sweep, which says so in the log; nothing else fails.
        Assert.DoesNotContain(server.Logs.Errors, entry => entry.Category != typeof(Ipp.Graph.Library.Upload.LibraryOrphanSweep).FullName);
    }

    /// <summary>Records a file entry of <paramref name="owner"/> whose blob the stalling server "holds"; its global id.</summary>
    private static async Task<string> RecordEntryAsync(Support.RunningServer server, WriteUser owner)
    {
        await using var db = await LibraryUploads.DatabaseAsync(server);
        var entry = new LibraryEntry
        {
            OwnerId = owner.Id,
            Name = "big.bin",
            NormalizedName = "big.bin",
            Kind = LibraryEntryKind.File,
            Size = 1_000_000,
            Sha256 = new string('0', 64),
            FileCount = 1,
            CreatedAt = DateTime.UtcNow,
            StoredBytes = 1_000_000,
        };
        entry.Files.Add(new LibraryFile { Size = 1_000_000, Sha256 = new string('0', 64), BlobKey = BlobKey.New().Value });
        db.Add(entry);
        await db.SaveChangesAsync();
        return Ipp.Graph.GraphQL.GlobalId.Encode("LibraryEntry", entry.Id);
    }

    private static Task UntilAsync(Func<bool> done) => UntilAsync(() => Task.FromResult(done()));

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The server did not get there in time.");
            await Task.Delay(20);
        }
    }
}
