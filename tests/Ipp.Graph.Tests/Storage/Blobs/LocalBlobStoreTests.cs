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

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_root, recursive: true);
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
