using System.Security.Cryptography;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using static Ipp.Graph.Tests.Storage.Blobs.DigestingWebDavProxy;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// How <see cref="WebDavBlobStore"/> checks an upload before it moves it into place, on rclone behind
/// <see cref="DigestingWebDavProxy"/>: by the server's SHA-256 when it gives one (nothing read back), a wrong one failing
/// the upload with nothing kept; by the bytes read back, or the size alone, when it gives none, a server that gave none
/// being asked for its size with a PROPFIND from then on (a HEAD of a file just written costs rclone a write-back of it).
/// </summary>
public sealed class WebDavUploadVerificationTests : IAsyncLifetime
{
    private DigestingWebDavProxy _proxy = null!;

    public async Task InitializeAsync() => _proxy = await DigestingWebDavProxy.StartAsync();

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task A_server_giving_the_right_digest_verifies_every_upload_by_it_and_nothing_is_read_back()
    {
        _proxy.Digests = DigestAnswer.Right;
        using var store = new WebDavBlobStore(_proxy.Options());

        var first = await WriteAsync(store, 3 * 1024 * 1024 + 5);
        var second = await WriteAsync(store, 1024 * 1024);

        Assert.Equal(["PUT", "HEAD", "MOVE"], first.Verification);
        Assert.Equal(["PUT", "HEAD", "MOVE"], second.Verification);
        Assert.Equal(second.Bytes, await ReadAsync(store, second.Key));
    }

    [Fact]
    public async Task A_server_giving_a_wrong_digest_fails_the_upload_as_storage_unavailable_and_keeps_nothing()
    {
        _proxy.Digests = DigestAnswer.Wrong;
        using var store = new WebDavBlobStore(_proxy.Options());
        var key = BlobKey.New();

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => store.WriteAsync(key, new TestContent(TestContent.RandomBytes(2 * 1024 * 1024)), progress: null, CancellationToken.None));

        Assert.Contains("SHA-256", failure.Message, StringComparison.Ordinal);
        Assert.Contains("differs", failure.Message, StringComparison.Ordinal);
        Assert.Null(await store.SizeAsync(key, CancellationToken.None));
        Assert.Empty(_proxy.Server.StoredFiles());
    }

    [Fact]
    public async Task A_server_giving_no_digest_is_asked_once_then_each_upload_is_sized_by_propfind_and_read_back()
    {
        _proxy.Digests = DigestAnswer.None;
        var options = _proxy.Options();
        options.VerifyByReadingBack = true;
        using var store = new WebDavBlobStore(options);

        var first = await WriteAsync(store, 2 * 1024 * 1024 + 1);
        var second = await WriteAsync(store, 2 * 1024 * 1024 + 2);

        Assert.Equal(["PUT", "HEAD", "GET", "MOVE"], first.Verification);
        Assert.Equal(["PUT", "PROPFIND", "GET", "MOVE"], second.Verification);
        Assert.Equal(second.Bytes, await ReadAsync(store, second.Key));
    }

    [Fact]
    public async Task A_server_giving_no_digest_with_reading_back_off_has_each_upload_checked_by_its_size_alone()
    {
        _proxy.Digests = DigestAnswer.None;
        var options = _proxy.Options();
        options.VerifyByReadingBack = false;
        using var store = new WebDavBlobStore(options);

        var first = await WriteAsync(store, 1024 * 1024);
        var second = await WriteAsync(store, 1024 * 1024 + 3);

        Assert.Equal(["PUT", "HEAD", "MOVE"], first.Verification);
        Assert.Equal(["PUT", "PROPFIND", "MOVE"], second.Verification);
        Assert.Equal(second.Bytes, await ReadAsync(store, second.Key));
        Assert.Equal(2, _proxy.Server.StoredFiles().Count);
    }

    /// <summary>
    /// Writes that many random bytes to a new key and returns them, the key, and the methods the store sent from its PUT
    /// to its MOVE (the folder's MKCOL left out).
    /// </summary>
    private async Task<(BlobKey Key, byte[] Bytes, List<string> Verification)> WriteAsync(WebDavBlobStore store, int count)
    {
        var bytes = TestContent.RandomBytes(count);
        var key = BlobKey.New();
        var before = _proxy.Methods().Count;

        var stored = await store.WriteAsync(key, new TestContent(bytes), progress: null, CancellationToken.None);

        Assert.Equal(new StoredBlob(key, count, Convert.ToHexStringLower(SHA256.HashData(bytes))), stored);
        return (key, bytes, _proxy.Methods()[before..].Where(method => method != "MKCOL").ToList());
    }

    private static async Task<byte[]> ReadAsync(WebDavBlobStore store, BlobKey key)
    {
        await using var stream = await store.OpenReadAsync(key, range: null, CancellationToken.None) ?? throw new InvalidOperationException("not stored");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
