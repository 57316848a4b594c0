using System.Security.Cryptography;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// What every <see cref="IBlobStore"/> promises, run against each real one (<see cref="LocalBlobStoreTests"/>, a
/// folder; <see cref="WebDavBlobStoreTests"/>, rclone's WebDAV server): bytes streamed in and out whole, by range, with
/// their size and SHA-256; a write refused midway leaves no byte behind; delete; listing; storage that cannot be
/// written is a <see cref="StorageUnavailableException"/>.
/// </summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    private const int Megabytes = 1024 * 1024;

    /// <summary>The store under test, made in <see cref="InitializeAsync"/>.</summary>
    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>Makes the store, on storage of its own.</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    /// <summary>Every file the storage really holds (temporary ones included), relative to its root.</summary>
    protected abstract List<string> StoredFiles();

    /// <summary>Puts a file that is no blob where blobs are (a stray name the listing must skip).</summary>
    protected abstract void PutStrayFile(string relativePath);

    /// <summary>Where the tests' spooled files are written: a folder of the test's, beside the storage's own.</summary>
    protected string SpoolFolder { get; } = Directory.CreateTempSubdirectory("ipp-spool-").FullName;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        Directory.Delete(SpoolFolder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_multi_megabyte_stream_of_unknown_length_is_stored_and_read_back_whole_with_its_size_and_sha256()
    {
        var bytes = TestContent.RandomBytes(6 * Megabytes + 123);
        var key = BlobKey.New();

        var stored = await Store.WriteAsync(key, new TestContent(bytes), progress: null, CancellationToken.None);

        Assert.Equal(new StoredBlob(key, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), stored);
        Assert.Equal(bytes.Length, await Store.SizeAsync(key, CancellationToken.None));
        Assert.Equal(bytes, await ReadAllAsync(key, range: null));
        Assert.Equal([key.RelativePath], StoredFiles());
    }

    [Fact]
    public async Task A_jobs_folder_is_located_listed_at_every_depth_read_and_deleted()
    {
        PutStrayFile("outputs/7/result.json");
        PutStrayFile("outputs/7/logs/deep/summary.txt");
        PutStrayFile("outputs/8/other.txt");
        var key = BlobKey.New();

        Assert.Equal(["logs/deep/summary.txt", "result.json"], (await ListFolderAsync("outputs/7/")).Order(StringComparer.Ordinal));
        var files = new List<FolderFile>();
        await foreach (var file in Store.ListFolderFilesAsync("outputs/7/", CancellationToken.None))
        {
            files.Add(file);
        }

        Assert.Equal([new FolderFile("logs/deep/summary.txt", 5), new FolderFile("result.json", 5)], files.OrderBy(file => file.Path, StringComparer.Ordinal));
        await using (var stream = await Store.OpenFolderFileAsync("outputs/7/", "logs/deep/summary.txt", CancellationToken.None))
        {
            Assert.Equal("stray", await new StreamReader(stream!).ReadToEndAsync());
        }

        Assert.Null(await Store.OpenFolderFileAsync("outputs/7/", "missing.txt", CancellationToken.None));
        Assert.Null(await Store.OpenFolderFileAsync("outputs/7/", "../8/other.txt", CancellationToken.None));
        Assert.Empty(await ListFolderAsync("outputs/9/"));
        Assert.EndsWith("outputs/7/", Store.LocateFolder("outputs/7/"), StringComparison.Ordinal);
        Assert.EndsWith(key.RelativePath, Store.Locate(key), StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(Store.Locate(key), UriKind.Absolute, out _));

        await Store.DeleteFolderAsync("outputs/7/", CancellationToken.None);
        await Store.DeleteFolderAsync("outputs/7/", CancellationToken.None);

        Assert.Empty(await ListFolderAsync("outputs/7/"));
        Assert.Equal(["outputs/8/other.txt"], StoredFiles().Select(path => path.Replace(Path.DirectorySeparatorChar, '/')));
    }

    /// <summary>What <see cref="IBlobStore.ListFolderAsync"/> gives for <paramref name="folder"/>.</summary>
    protected async Task<List<string>> ListFolderAsync(string folder)
    {
        var listed = new List<string>();
        await foreach (var path in Store.ListFolderAsync(folder, CancellationToken.None))
        {
            listed.Add(path);
        }

        return listed;
    }

    [Fact]
    public async Task A_spooled_file_is_stored_whole_with_its_own_size_and_sha256()
    {
        var bytes = TestContent.RandomBytes(2 * Megabytes + 7);
        var spooled = TestSpooledFile.Create(SpoolFolder, bytes);
        var key = BlobKey.New();

        var stored = await Store.WriteSpooledAsync(key, spooled, CancellationToken.None);

        Assert.Equal(new StoredBlob(key, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), stored);
        Assert.Equal(bytes, await ReadAllAsync(key, range: null));
        Assert.Equal([key.RelativePath], StoredFiles());
    }

    [Fact]
    public async Task A_stream_of_known_length_is_stored_and_a_second_write_replaces_the_first()
    {
        var key = BlobKey.New();
        await Store.WriteAsync(key, new MemoryStream(TestContent.RandomBytes(3 * Megabytes)), progress: null, CancellationToken.None);
        var second = TestContent.RandomBytes(1000);

        var stored = await Store.WriteAsync(key, new MemoryStream(second), progress: null, CancellationToken.None);

        Assert.Equal(1000, stored.Size);
        Assert.Equal(second, await ReadAllAsync(key, range: null));
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Ranges_give_the_bytes_asked_for_and_a_range_past_the_end_gives_what_there_is()
    {
        var bytes = TestContent.RandomBytes(2 * Megabytes);
        var key = BlobKey.New();
        await Store.WriteAsync(key, new TestContent(bytes), progress: null, CancellationToken.None);

        Assert.Equal(bytes[1000..1100], await ReadAllAsync(key, new ByteRange(1000, 100)));
        Assert.Equal(bytes[(Megabytes + 5)..], await ReadAllAsync(key, new ByteRange(Megabytes + 5)));
        Assert.Equal(bytes[^10..], await ReadAllAsync(key, new ByteRange(bytes.Length - 10, 500)));
        Assert.Empty(await ReadAllAsync(key, new ByteRange(bytes.Length + 10)));
    }

    [Fact]
    public async Task A_write_refused_midway_by_its_progress_check_throws_the_callers_error_and_leaves_nothing()
    {
        var key = BlobKey.New();
        var seen = new List<long>();

        var refusal = await Assert.ThrowsAsync<QuotaTestException>(() => Store.WriteAsync(
            key,
            new TestContent(TestContent.RandomBytes(4 * Megabytes)),
            bytesSoFar =>
            {
                seen.Add(bytesSoFar);
                if (bytesSoFar > 2 * Megabytes)
                {
                    throw new QuotaTestException(bytesSoFar);
                }
            },
            CancellationToken.None));

        Assert.InRange(refusal.BytesSoFar, 2 * Megabytes + 1, 3 * Megabytes);
        Assert.Equal(seen.Order(), seen);
        Assert.Null(await Store.SizeAsync(key, CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync(key, range: null, CancellationToken.None));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Delete_removes_a_blob_and_missing_blobs_are_null_and_delete_quietly()
    {
        var key = BlobKey.New();
        await Store.WriteAsync(key, new MemoryStream([1, 2, 3]), progress: null, CancellationToken.None);

        await Store.DeleteAsync(key, CancellationToken.None);
        await Store.DeleteAsync(key, CancellationToken.None);

        Assert.Null(await Store.SizeAsync(key, CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync(key, new ByteRange(0, 1), CancellationToken.None));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Listing_gives_the_key_and_write_time_of_every_stored_blob_and_skips_names_that_are_not_keys()
    {
        var before = DateTimeOffset.UtcNow;
        var keys = Enumerable.Range(0, 5).Select(_ => BlobKey.New()).ToList();
        foreach (var key in keys)
        {
            await Store.WriteAsync(key, new MemoryStream([7]), progress: null, CancellationToken.None);
        }

        PutStrayFile($"{keys[0].Folder}/notes.txt");
        PutStrayFile($"zz/{BlobKey.New()}");

        var listed = new List<ListedBlob>();
        await foreach (var blob in Store.ListAsync(CancellationToken.None))
        {
            listed.Add(blob);
        }

        Assert.Equal(keys.Select(key => key.Value).Order(), listed.Select(blob => blob.Key.Value).Order());
        // The store's clock, and its times' resolution (whole seconds over WebDAV), may differ a little from ours.
        Assert.All(listed, blob => Assert.InRange(blob.LastModified!.Value, before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task Uploads_left_unfinished_are_swept_once_started_before_the_given_time_and_blobs_are_kept()
    {
        var key = BlobKey.New();
        await Store.WriteAsync(key, new MemoryStream([1]), progress: null, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var old = $"{key.Folder}/.partial-{key.Value}-{now.AddHours(-2).ToUnixTimeSeconds()}-{Guid.NewGuid():N}";
        var recent = $"{key.Folder}/.partial-{key.Value}-{now.ToUnixTimeSeconds()}-{Guid.NewGuid():N}";
        PutStrayFile(old);
        PutStrayFile(recent);
        PutStrayFile($"{key.Folder}/.partial-notakey-0-0");

        var removed = await Store.RemoveAbandonedUploadsAsync(now.AddHours(-1), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Equal(
            new[] { key.RelativePath, recent, $"{key.Folder}/.partial-notakey-0-0" }.Order(),
            StoredFiles().Order());
    }

    [Fact]
    public void Keys_are_32_lowercase_hexadecimal_digits_and_nothing_else_parses()
    {
        var key = BlobKey.New();
        Assert.Equal(key, BlobKey.Parse(key.Value));
        Assert.Equal($"{key.Value[..2]}/{key.Value}", key.RelativePath);
        foreach (var bad in new[] { "", "../etc/passwd", key.Value.ToUpperInvariant(), key.Value + "0", key.Value[..31] + "g" })
        {
            Assert.False(BlobKey.TryParse(bad, out _), bad);
        }
    }

    /// <summary>Reads a blob, or a range of it, to its end.</summary>
    protected async Task<byte[]> ReadAllAsync(BlobKey key, ByteRange? range)
    {
        await using var stream = await Store.OpenReadAsync(key, range, CancellationToken.None) ?? throw new InvalidOperationException($"No blob {key}.");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The refusal of a test's progress callback.</summary>
    protected sealed class QuotaTestException(long bytesSoFar) : Exception($"Over quota at {bytesSoFar} bytes.")
    {
        public long BytesSoFar { get; } = bytesSoFar;
    }
}
