using System.Net;
using System.Net.Sockets;
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
    public async Task A_server_stopped_in_the_middle_of_an_upload_is_storage_unavailable_and_keeps_no_blob()
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
        Assert.DoesNotContain(key.RelativePath, StoredFiles().Select(path => path.Replace('\\', '/')));
        await foreach (var listed in Store.ListAsync(CancellationToken.None))
        {
            Assert.Fail($"Listed {listed} after a failed upload.");
        }
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
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync());
            }
        });
        var options = _server.Options();
        options.BaseUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        options.IdleTimeout = TimeSpan.FromSeconds(1);
        options.Retries = 0;
        using var store = new WebDavBlobStore(options);

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.SizeAsync(BlobKey.New(), CancellationToken.None));

        Assert.Contains("Storage:WebDav:IdleTimeout", failure.Message, StringComparison.Ordinal);
        silent.Stop();
        await Assert.ThrowsAnyAsync<Exception>(() => accepting);
        accepted.ForEach(socket => socket.Dispose());
    }
}
