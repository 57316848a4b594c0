using System.Net;
using System.Security.Cryptography;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// uploadFiles end to end on each store and when things go wrong: a WebDAV server that stops midway, a local folder
/// that cannot be written, a file over the quota refused while it arrives, more files than the transport takes. Each
/// failure answers its code and leaves no entry, no blob (once swept) and no spooled file.
/// </summary>
public sealed class LibraryUploadFailureTests
{
    [Theory]
    [InlineData("Local")]
    [InlineData("WebDav")]
    public async Task Files_and_a_folder_are_stored_in_the_store_with_their_checksums_and_nothing_is_left_in_incoming(string provider)
    {
        await using var store = await LibraryStore.StartAsync(provider);
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        var big = TestBytes(3 * 1024 * 1024 + 5);

        var entries = Entries(await UploadAsync(store.Server, engineer, new FilePart(null, "scan.nii", big), FilePart.Text("study/a.txt", "a"), new FilePart("study/b.bin", "b.bin", big)));

        Assert.Equal(["scan.nii", "study"], entries.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(big)), entries[0].GetProperty("sha256").GetString());
        await using var db = await DatabaseAsync(store.Server);
        var files = await db.Set<LibraryFile>().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(files.Select(f => BlobKey.Parse(f.BlobKey).RelativePath).Order(StringComparer.Ordinal), store.Files());
        Assert.All(files, f => Assert.Equal(f.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(store.Root, BlobKey.Parse(f.BlobKey).RelativePath))))));
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
        Assert.Empty(store.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_WebDAV_server_that_stops_midway_is_storage_unavailable_records_nothing_and_the_sweep_leaves_nothing()
    {
        var clock = new SettableClock();
        await using var store = await LibraryStore.StartAsync("WebDav", clock);
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        using var stopping = new CancellationTokenSource();
        // Stops the server once the large file's upload is under way (its temporary file past a megabyte).
        var stopper = Task.Run(async () =>
        {
            // A temporary file may be renamed away between the listing and its look-up: FileInfo reads its state once,
            // so Exists and Length agree.
            while (!store.Files().Any(path => path.Contains(".partial-", StringComparison.Ordinal) && new FileInfo(Path.Combine(store.Root, path)) is { Exists: true, Length: > 1024 * 1024 }))
            {
                await Task.Delay(2, stopping.Token);
            }

            await store.WebDav!.StopAsync();
        });

        var response = await UploadAsync(store.Server, engineer, FilePart.Text("study/first.txt", "stored first"), new FilePart("study/large.bin", "large.bin", TestBytes(96 * 1024 * 1024)));
        await stopper.WaitAsync(TestEvents.Patience);

        Assert.Equal("STORAGE_UNAVAILABLE", response.ErrorCode);
        await using (var db = await DatabaseAsync(store.Server))
        {
            Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        }

        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
        await store.WebDav!.RestartAsync();
        clock.Advance(TimeSpan.FromDays(2));
        await store.Server.Services.GetRequiredService<LibraryOrphanSweep>().SweepAsync(CancellationToken.None);
        Assert.Empty(store.Files());
    }

    [Theory]
    [InlineData(Unwritable.ReadOnly)]
    [InlineData(Unwritable.NotAFolder)]
    public async Task A_local_store_that_cannot_be_written_is_storage_unavailable_and_records_nothing(Unwritable kind)
    {
        await using var store = await LibraryStore.StartAsync("Local");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        using var unwritable = UnwritableFolder.Make(store.Root, kind, Path.GetDirectoryName(store.Root)!);

        var response = await UploadAsync(store.Server, engineer, FilePart.Text("scan.nii", "bytes"), FilePart.Text("study/a.txt", "a"));

        Assert.Equal((HttpStatusCode.OK, "STORAGE_UNAVAILABLE"), (response.Status, response.ErrorCode));
        Assert.DoesNotContain(store.Root, response.ErrorMessage, StringComparison.Ordinal);
        await using var db = await DatabaseAsync(store.Server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
    }

    [Fact]
    public async Task A_file_over_the_quota_is_refused_while_it_arrives_and_leaves_nothing()
    {
        await using var store = await LibraryStore.StartAsync("Local", prepare: null, "--Experiments:MaxUserBytes=100000");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");

        var response = await UploadAsync(store.Server, engineer, FilePart.Text("small.txt", "fits"), new FilePart(null, "large.bin", TestBytes(1024 * 1024)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "QUOTA_EXCEEDED"), (response.Status, response.ErrorCode));
        await using var db = await DatabaseAsync(store.Server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(store.Files());
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
    }

    [Fact]
    public async Task A_folder_is_bounded_by_the_transport_s_file_limit_before_a_byte_is_kept_and_by_the_library_s_after()
    {
        await using var store = await LibraryStore.StartAsync("Local", prepare: null, "--Uploads:MaxFiles=3", "--Library:MaxFolderFiles=2");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");

        var overTransport = await UploadAsync(store.Server, engineer, FilePart.Text("f/1", "1"), FilePart.Text("f/2", "2"), FilePart.Text("f/3", "3"), FilePart.Text("f/4", "4"));
        var overLibrary = await UploadAsync(store.Server, engineer, FilePart.Text("f/1", "1"), FilePart.Text("f/2", "2"), FilePart.Text("f/3", "3"));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "UPLOAD_TOO_MANY_FILES"), (overTransport.Status, overTransport.ErrorCode));
        Assert.Equal("FOLDER_TOO_LARGE", overLibrary.PayloadErrorCode("uploadFiles"));
        await using var db = await DatabaseAsync(store.Server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(store.Files());
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
    }

    [Fact]
    public async Task One_file_part_filling_two_files_is_stored_for_each()
    {
        await using var store = await LibraryStore.StartAsync("Local");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        var operations = System.Text.Json.JsonSerializer.Serialize(new
        {
            query = LibraryUploads.Upload,
            variables = new { input = new { files = new[] { new { file = (string?)null, path = "one.txt" }, new { file = (string?)null, path = "two.txt" } } } },
        });
        using var content = new MultipartFormDataContent(WriteMultipart.Boundary);
        content.Add(new StringContent(operations), "operations");
        content.Add(new StringContent("""{"0":["variables.input.files.0.file","variables.input.files.1.file"]}"""), "map");
        content.Add(new ByteArrayContent("same bytes"u8.ToArray()), "0", "same.txt");
        using var client = store.Server.CreateClient();

        using var response = await client.SendAsync(WriteMultipart.Request(engineer.Token, content));

        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var entries = body.GetProperty("data").GetProperty("uploadFiles").GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(["one.txt", "two.txt"], entries.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(2, store.Files().Count);
        Assert.All(store.Files(), path => Assert.Equal("same bytes", File.ReadAllText(Path.Combine(store.Root, path))));
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
    }

    private static byte[] TestBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
