using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Transport.Multipart;
using Ipp.Graph.Tests.Transport.WebSockets;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Upload;

/// <summary>
/// uploadFiles runs while the request's files arrive: a file goes on to the WebDAV store (a real rclone) while the
/// client still holds the rest of it, and nothing is recorded before the whole body was read. A client that leaves
/// midway, a later file over the quota, or a body refused after the resolver already failed leave nothing and get the
/// transport's answer.
/// </summary>
public sealed class LibraryUploadStreamingTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_file_is_put_to_the_WebDAV_store_while_the_client_still_holds_the_rest_of_it()
    {
        await using var store = await LibraryStore.StartAsync("WebDav");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        var file = new GeneratedStream(24 * MiB, pauseAfter: 16 * MiB);
        using var client = store.Server.CreateClient();
        using var content = Content(("scan.bin", new StreamContent(file, 64 * 1024)));

        var posting = SendAsync(client, engineer.Token, content);
        var put = await WaitForPartialUploadAsync(store, 8 * MiB);
        file.Open();
        var response = await posting;

        Assert.True(put, "The WebDAV store received no 8 MiB of the file while the client held the rest back.");
        var entry = Assert.Single(Entries(response));
        Assert.Equal((24 * MiB, Sha256Of(new GeneratedStream(24 * MiB))), (entry.GetProperty("size").GetInt64(), entry.GetProperty("sha256").GetString()));
        Assert.Single(store.Files());
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
        Assert.Empty(store.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_client_that_goes_away_after_the_PUT_began_leaves_no_entry_and_no_blob()
    {
        await using var store = await LibraryStore.StartAsync("WebDav");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        var file = new GeneratedStream(24 * MiB, pauseAfter: 16 * MiB);
        using var client = store.Server.CreateClient();
        using var content = Content(("scan.bin", new StreamContent(file, 64 * 1024)));
        using var leave = new CancellationTokenSource();

        var posting = SendAsync(client, engineer.Token, content, leave.Token);
        var put = await WaitForPartialUploadAsync(store, 8 * MiB);
        await leave.CancelAsync();

        Assert.True(put, "The WebDAV store received no 8 MiB of the file while the client held the rest back.");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        // The resolver removes what it stored once it hears of the body's failure: after the client left, so awaited.
        Assert.True(await EventuallyAsync(() => store.Files().Count == 0), "Left in the store: " + string.Join(", ", store.Files()));
        await store.Server.AssertIncomingEmptiesAsync();
        await using var db = await DatabaseAsync(store.Server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(store.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_second_file_over_the_quota_leaves_nothing_of_the_first_already_stored()
    {
        await using var store = await LibraryStore.StartAsync("WebDav", prepare: null, $"--Experiments:MaxUserBytes={6 * MiB}");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        var second = new GeneratedStream(4 * MiB, pauseAfter: 1 * MiB);
        using var client = store.Server.CreateClient();
        using var content = Content(("first.bin", new StreamContent(new GeneratedStream(4 * MiB), 64 * 1024)), ("second.bin", new StreamContent(second, 64 * 1024)));

        var posting = SendAsync(client, engineer.Token, content);
        var stored = await EventuallyAsync(() => store.Files().Count > 0);
        second.Open();
        var response = await posting;

        Assert.True(stored, "The first file never reached the WebDAV store before the second was over the quota.");
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "QUOTA_EXCEEDED"), (response.Status, response.ErrorCode));
        Assert.Empty(store.Files());
        await using var db = await DatabaseAsync(store.Server);
        Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
        Assert.Empty(store.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_resolver_that_failed_early_still_gets_the_transport_s_answer_once_the_body_is_read()
    {
        await using var store = await LibraryStore.StartAsync("Local", prepare: null, $"--Uploads:MaxFileBytes={2 * MiB}");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        using var client = store.Server.CreateClient();
        // The path fails the plan before a byte is stored; the file is then over the transport's limit.
        using var content = Content(("../escape.bin", new StreamContent(new GeneratedStream(4 * MiB), 64 * 1024)));

        var response = await SendAsync(client, engineer.Token, content);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "UPLOAD_TOO_LARGE"), (response.Status, response.ErrorCode));
        Assert.Empty(store.Files());
        Assert.Empty(WriteFixture.EntriesOf(store.Server, WriteFixture.Incoming));
        Assert.Empty(store.Server.Logs.Errors);
    }

    [Fact]
    public async Task An_upload_that_arrives_for_longer_than_an_operation_may_run_is_stored()
    {
        await using var store = await LibraryStore.StartAsync("Local", prepare: null, "--GraphQL:ExecutionTimeout=00:00:05");
        var engineer = await AccessServers.SignUpAsync(store.Server, "DATA_ENGINEER");
        var file = new GeneratedStream(4 * MiB, pauseAfter: 2 * MiB);
        using var client = store.Server.CreateClient();
        using var content = Content(("slow.bin", new StreamContent(file, 64 * 1024)));

        var posting = SendAsync(client, engineer.Token, content);
        Assert.True(await EventuallyAsync(() => IncomingBytes(store) >= MiB), "The upload never began to arrive.");
        // Held back past the operation's time limit (5 s): receiving the files is not the operation's time.
        await Task.Delay(TimeSpan.FromSeconds(6));
        file.Open();
        var response = await posting;

        Assert.Equal(4 * MiB, Assert.Single(Entries(response)).GetProperty("size").GetInt64());
        Assert.Single(store.Files());
    }

    /// <summary>An uploadFiles request of the given files, each part's path its file name.</summary>
    private static MultipartFormDataContent Content(params (string Path, HttpContent Part)[] files)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = LibraryUploads.Upload,
            variables = new { input = new { files = files.Select(f => new { file = (string?)null, path = f.Path }).ToArray() } },
        });
        var map = "{" + string.Join(',', files.Select((_, i) => $"\"{i}\":[\"variables.input.files.{i}.file\"]")) + "}";
        var content = new MultipartFormDataContent(WriteMultipart.Boundary)
        {
            { new StringContent(operations), "operations" },
            { new StringContent(map), "map" },
        };
        for (var i = 0; i < files.Length; i++)
        {
            files[i].Part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(files[i].Part, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(files[i].Path));
        }

        return content;
    }

    private static async Task<GraphQLResponse> SendAsync(HttpClient client, string token, HttpContent content, CancellationToken cancellation = default)
    {
        using var response = await client.SendAsync(WriteMultipart.Request(token, content), cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), []);
    }

    /// <summary>Waits until the WebDAV store holds an unfinished upload of at least <paramref name="bytes"/> bytes; false if it never does.</summary>
    private static Task<bool> WaitForPartialUploadAsync(LibraryStore store, long bytes) =>
        EventuallyAsync(() => store.Files().Any(path =>
            path.Contains(".partial-", StringComparison.Ordinal) && new FileInfo(Path.Combine(store.Root, path)) is { Exists: true } file && file.Length >= bytes));

    /// <summary>Waits (within the tests' patience, a guard and no timing assertion) until <paramref name="reached"/> holds.</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> reached)
    {
        var until = DateTime.UtcNow + TestEvents.Patience;
        while (!reached())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    private static long IncomingBytes(LibraryStore store) =>
        new DirectoryInfo(store.Server.IncomingPath()).EnumerateFiles().Sum(file => file.Length);

    private static string Sha256Of(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));
}
