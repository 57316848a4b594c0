using System.Net.Http.Headers;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Download;

/// <summary>One real server for the download tests, and what they do with it: upload, ask for download links, GET them.</summary>
public sealed class LibraryDownloadServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    /// <summary>More files in one request than the default 100, and time to store them: the zip tests upload folders of more than one batch.</summary>
    public async Task InitializeAsync() => Server = await WriteFixture.StartAsync("--Uploads:MaxFiles=1000", "--GraphQL:ExecutionTimeout=00:03:00");

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>A new data engineer (who may download).</summary>
    public Task<WriteUser> EngineerAsync() => AccessServers.SignUpAsync(Server, "DATA_ENGINEER");

    /// <summary>Uploads <paramref name="files"/> as <paramref name="user"/>; the new entries' global ids.</summary>
    public Task<string[]> UploadAsync(WriteUser user, params FilePart[] files) => UploadTo(Server, user, files);

    /// <summary>Uploads to <paramref name="server"/>; the new entries' global ids.</summary>
    public static async Task<string[]> UploadTo(RunningServer server, WriteUser user, params FilePart[] files)
    {
        var response = await LibraryUploads.UploadAsync(server, user, files);
        return [.. Entries(response).Select(e => e.GetProperty("id").GetString()!)];
    }

    /// <summary>The entry's <c>downloadUrl</c> as <paramref name="user"/> sees it.</summary>
    public async Task<string> DownloadUrlAsync(WriteUser user, string entryId)
    {
        using var http = new GraphQLHttp(Server);
        var response = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on LibraryEntry { downloadUrl } } }", new { id = entryId }, user.Token);
        return response.Data("node").GetProperty("downloadUrl").GetString()!;
    }

    /// <summary>A GET (or <paramref name="method"/>) of <paramref name="url"/> with the token (none: anonymous) and extra headers.</summary>
    public static async Task<HttpResponseMessage> GetAsync(
        RunningServer server, string url, string? token, Action<HttpRequestHeaders>? headers = null, HttpMethod? method = null,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var client = server.CreateClient();
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        headers?.Invoke(request.Headers);
        return await client.SendAsync(request, completion);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? token, Action<HttpRequestHeaders>? headers = null, HttpMethod? method = null) =>
        GetAsync(Server, url, token, headers, method);

    /// <summary>
    /// Uploads a file of several of the server's send blocks (1 MiB) and an odd tail, then checks on
    /// <paramref name="server"/> that it downloads byte for byte whole, in a range across block boundaries, and in a
    /// suffix range ending mid-block.
    /// </summary>
    public static async Task AssertSeveralBlocksDownloadExactlyAsync(RunningServer server, WriteUser user)
    {
        var bytes = new byte[(5 << 19) + 12_345];
        new Random(19).NextBytes(bytes);
        var name = $"{Guid.NewGuid():n}.bin";
        var id = (await UploadTo(server, user, new FilePart(name, name, bytes)))[0];
        var url = $"/library/{id}/content";
        const int across = (1 << 20) - 7;

        using var whole = await GetAsync(server, url, user.Token);
        using var middle = await GetAsync(server, url, user.Token, h => h.TryAddWithoutValidation("Range", $"bytes={across}-{across + (1 << 20) + 13}"));
        using var tail = await GetAsync(server, url, user.Token, h => h.TryAddWithoutValidation("Range", "bytes=-1500000"));

        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes[across..(across + (1 << 20) + 14)], await middle.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes {across}-{across + (1 << 20) + 13}/{bytes.Length}", middle.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(bytes[^1_500_000..], await tail.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The blob file of the stored file at <paramref name="path"/> (null: a file entry's one file) of the entry named <paramref name="entryName"/>.</summary>
    public static async Task<string> BlobPathAsync(RunningServer server, string entryName, string? path)
    {
        await using var db = await DatabaseAsync(server);
        var key = await db.Set<LibraryFile>()
            .Where(f => f.Path == path && db.Set<LibraryEntry>().Any(e => e.Id == f.EntryId && e.Name == entryName))
            .Select(f => f.BlobKey).SingleAsync();
        return Path.Combine(server.BlobFolder, key[..2], key);
    }
}
