using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// <see cref="BlobStoreContract"/> on a real WebDAV server (rclone), and the server's failures: stopped before or in
/// the middle of an upload, wrong credentials, a server that accepts the connection and then says nothing.
/// </summary>
public sealed class WebDavBlobStoreTests : BlobStoreContract
{
    private RcloneWebDavServer _server = null!;

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        _server = await RcloneWebDavServer.StartAsync();
        return new WebDavBlobStore(_server.Options());
    }

    protected override List<string> StoredFiles() => _server.StoredFiles();

    protected override void PutStrayFile(string relativePath)
    {
        var path = Path.Combine(_server.Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "stray");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_server_stopped_in_the_middle_of_an_upload_is_storage_unavailable_and_keeps_no_blob_once_swept()
    {
        var key = BlobKey.New();
        var content = new TestContent(TestContent.RandomBytes(8 * 1024 * 1024))
        {
            AfterBytesCount = 3 * 1024 * 1024,
            AfterBytes = _server.StopAsync,
        };

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.WriteAsync(key, content, progress: null, CancellationToken.None));

        Assert.Contains(key.Value, failure.Doing, StringComparison.Ordinal);
        await _server.RestartAsync();
        Assert.Null(await Store.SizeAsync(key, CancellationToken.None));
        Assert.DoesNotContain(key.RelativePath, StoredFiles());
        await foreach (var listed in Store.ListAsync(CancellationToken.None))
        {
            Assert.Fail($"Listed {listed} after a failed upload.");
        }

        // What the server kept of the cut upload, if anything, is swept.
        await Store.RemoveAbandonedUploadsAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_server_that_is_down_is_storage_unavailable_for_every_operation()
    {
        var key = BlobKey.New();
        await Store.WriteAsync(key, new MemoryStream([1, 2]), progress: null, CancellationToken.None);
        await _server.StopAsync();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.WriteAsync(BlobKey.New(), new MemoryStream([1]), progress: null, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.OpenReadAsync(key, range: null, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.SizeAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.DeleteAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(async () =>
        {
            await foreach (var _ in Store.ListAsync(CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task Wrong_credentials_are_storage_unavailable_saying_the_server_refused_them()
    {
        using var store = new WebDavBlobStore(_server.Options(password: "wrong"));

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            store.WriteAsync(BlobKey.New(), new MemoryStream([1]), progress: null, CancellationToken.None));

        Assert.Contains("the server refused the credentials (401 Unauthorized)", failure.Message, StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_server_that_accepts_the_connection_and_then_says_nothing_is_storage_unavailable_after_the_idle_timeout()
    {
        await using var silent = new CannedHttpServer(answer: null);
        var options = _server.Options();
        options.BaseUrl = silent.BaseUrl;
        options.IdleTimeout = TimeSpan.FromSeconds(1);
        options.Retries = 0;
        using var store = new WebDavBlobStore(options);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.SizeAsync(BlobKey.New(), CancellationToken.None));

        Assert.Contains("Storage:WebDav:IdleTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_redirects_is_storage_unavailable_saying_where_to_and_that_it_must_answer_itself()
    {
        await using var redirecting = new CannedHttpServer("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://pool.example.org/ab\r\nContent-Length: 0\r\n\r\n");
        var options = _server.Options();
        options.BaseUrl = redirecting.BaseUrl;
        using var store = new WebDavBlobStore(options);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.SizeAsync(BlobKey.New(), CancellationToken.None));

        Assert.Contains("the server redirected (307 Temporary Redirect) to http://pool.example.org/ab", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_that_is_not_WebDAV_XML_is_storage_unavailable_saying_so()
    {
        await using var garbage = new CannedHttpServer("HTTP/1.1 207 Multi-Status\r\nContent-Type: application/xml\r\nContent-Length: 9\r\n\r\nnot xml!!");
        var options = _server.Options();
        options.BaseUrl = garbage.BaseUrl;
        using var store = new WebDavBlobStore(options);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(async () => await store.ListAsync(CancellationToken.None).ToListAsync());

        Assert.Contains("the server's answer is not a WebDAV listing", failure.Message, StringComparison.Ordinal);
    }
}
