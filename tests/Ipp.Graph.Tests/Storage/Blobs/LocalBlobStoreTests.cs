using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary><see cref="BlobStoreContract"/> on a real folder, and a folder that cannot be written.</summary>
public sealed class LocalBlobStoreTests : BlobStoreContract
{
    private readonly string _root = Directory.CreateTempSubdirectory("ipp-blobs-").FullName;

    private string BlobsFolder => Path.Combine(_root, "blobs");

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new LocalBlobStore(BlobsFolder));

    protected override List<string> StoredFiles() =>
        Directory.Exists(BlobsFolder)
            ? Directory.EnumerateFiles(BlobsFolder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(BlobsFolder, path)).ToList()
            : [];

    protected override void PutStrayFile(string relativePath)
    {
        var path = Path.Combine(BlobsFolder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "stray");
    }

    /// <summary>A folder on a file system other than the temporary folder's: shared memory (tmpfs).</summary>
    private const string OtherFileSystem = "/dev/shm";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_spooled_file_on_the_store_s_file_system_is_taken_by_a_rename_and_one_elsewhere_is_copied()
    {
        var bytes = TestContent.RandomBytes(100_000);
        var here = TestSpooledFile.Create(Path.Combine(_root, "incoming"), bytes);
        var elsewhere = TestSpooledFile.Create(Path.Combine(OtherFileSystem, Guid.NewGuid().ToString("n")), bytes);
        var (taken, copied) = (BlobKey.New(), BlobKey.New());

        await Store.WriteSpooledAsync(taken, here, CancellationToken.None);
        await Store.WriteSpooledAsync(copied, elsewhere, CancellationToken.None);

        Assert.Equal(Path.Combine(BlobsFolder, taken.Folder), Path.GetDirectoryName(here.Path));
        Assert.True(File.Exists(elsewhere.Path));
        Directory.Delete(Path.GetDirectoryName(elsewhere.Path)!, recursive: true);
        Assert.Equal(bytes, await ReadAllAsync(taken, range: null));
        Assert.Equal(bytes, await ReadAllAsync(copied, range: null));
        Assert.Equal(new[] { taken.RelativePath, copied.RelativePath }.Order(StringComparer.Ordinal), StoredFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Links_in_a_jobs_folder_are_neither_listed_nor_read()
    {
        PutStrayFile("outputs/3/real.txt");
        var outside = Path.Combine(_root, "secret.txt");
        File.WriteAllText(outside, "secret");
        Directory.CreateDirectory(Path.Combine(_root, "secrets"));
        File.WriteAllText(Path.Combine(_root, "secrets", "key.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(BlobsFolder, "outputs", "3", "link.txt"), outside);
        Directory.CreateSymbolicLink(Path.Combine(BlobsFolder, "outputs", "3", "linked"), Path.Combine(_root, "secrets"));

        Assert.Equal(["real.txt"], await ListFolderAsync("outputs/3/"));
        Assert.Null(await Store.OpenFolderFileAsync("outputs/3/", "link.txt", CancellationToken.None));
        Assert.Null(await Store.OpenFolderFileAsync("outputs/3/", "linked/key.txt", CancellationToken.None));
    }

    [Fact]
    public async Task A_spooled_file_a_folder_that_cannot_be_written_refuses_stays_where_it_was()
    {
        var spooled = TestSpooledFile.Create(Path.Combine(_root, "incoming"), [1, 2, 3]);
        var origin = spooled.Path;
        using var unwritable = UnwritableFolder.Make(BlobsFolder, Unwritable.ReadOnly, Path.Combine(_root, "aside"));

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Store.WriteSpooledAsync(BlobKey.New(), spooled, CancellationToken.None));

        Assert.Equal(origin, spooled.Path);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(origin));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_storage_unavailable_naming_the_blob()
    {
        var key = BlobKey.New();
        using var unwritable = UnwritableFolder.Make(BlobsFolder, Unwritable.ReadOnly, Path.Combine(_root, "aside"));

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            Store.WriteAsync(key, new MemoryStream([1]), progress: null, CancellationToken.None));

        Assert.Contains(BlobsFolder, failure.Message, StringComparison.Ordinal);
    }
}
