using System.Runtime.CompilerServices;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// Where the library's bytes live (<c>Storage:Provider</c>): a local folder (<see cref="LocalBlobStore"/>) or a WebDAV
/// server such as dCache (<see cref="WebDavBlobStore"/>). Bytes stream both ways, never whole in memory. A write is
/// all or nothing: until it returns, nothing is visible under its key, and a failed or refused write leaves nothing.
/// A store that is down, full, refusing or silent throws <see cref="StorageUnavailableException"/> (clients get
/// <c>STORAGE_UNAVAILABLE</c>).
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores <paramref name="content"/>, read to its end, under <paramref name="key"/> (replacing what was there),
    /// and returns its size and SHA-256. <paramref name="progress"/> may refuse it midway (see <see cref="BlobWriteProgress"/>).
    /// </summary>
    Task<StoredBlob> WriteAsync(BlobKey key, Stream content, BlobWriteProgress? progress, CancellationToken cancellation);

    /// <summary>
    /// Stores the spooled <paramref name="file"/> under <paramref name="key"/> as <see cref="WriteAsync"/> does, all or
    /// nothing, and returns its size and SHA-256 (the file's own, not computed again). A store on the file's file system
    /// takes it by a rename (it is then gone from its place); any other reads it.
    /// </summary>
    Task<StoredBlob> WriteSpooledAsync(BlobKey key, ISpooledFile file, CancellationToken cancellation);

    /// <summary>
    /// The bytes under <paramref name="key"/>, or of <paramref name="range"/> of them (a range past the end gives what
    /// there is, perhaps nothing); null when there is no such blob. The caller disposes the stream.
    /// </summary>
    Task<Stream?> OpenReadAsync(BlobKey key, ByteRange? range, CancellationToken cancellation);

    /// <summary>The size of the blob under <paramref name="key"/>, null when there is none.</summary>
    Task<long?> SizeAsync(BlobKey key, CancellationToken cancellation);

    /// <summary>Removes the blob under <paramref name="key"/>; nothing happens when there is none.</summary>
    Task DeleteAsync(BlobKey key, CancellationToken cancellation);

    /// <summary>
    /// Every stored blob (in no order) with the time it was written, for a sweep of the ones the database does not
    /// know; writes not yet finished are not listed.
    /// </summary>
    IAsyncEnumerable<ListedBlob> ListAsync(CancellationToken cancellation);

    /// <summary>
    /// Deletes what writes started before <paramref name="startedBefore"/> left behind unfinished (the process or the
    /// server stopped midway) and returns how many; give a time well before any write still running.
    /// </summary>
    Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset startedBefore, CancellationToken cancellation);

    /// <summary>
    /// Where a job on the cluster finds the blob under <paramref name="key"/>: the absolute URL of it on the WebDAV
    /// server, or its absolute file path in a local store. Nothing is asked of the store.
    /// </summary>
    string Locate(BlobKey key);

    /// <summary>
    /// Where a job on the cluster finds (or writes) the folder <paramref name="folder"/> of the store, a relative path
    /// the server makes (<c>outputs/42/</c>, ending in '/'): an absolute URL or file path, as <see cref="Locate"/>.
    /// </summary>
    string LocateFolder(string folder);

    /// <summary>
    /// The files below the folder <paramref name="folder"/> (a relative path the server makes, ending in '/'), at any
    /// depth, each with its path relative to it (parts joined by '/') and its size now; nothing when there is no such
    /// folder. What a job wrote there, or is writing: links (a local store's symbolic links) are not followed.
    /// </summary>
    IAsyncEnumerable<FolderFile> ListFolderFilesAsync(string folder, CancellationToken cancellation);

    /// <summary>The paths of <see cref="ListFolderFilesAsync"/>.</summary>
    async IAsyncEnumerable<string> ListFolderAsync(string folder, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var file in ListFolderFilesAsync(folder, cancellation))
        {
            yield return file.Path;
        }
    }

    /// <summary>The bytes of the file <paramref name="path"/> (as <see cref="ListFolderAsync"/> gave it) below <paramref name="folder"/>; null when there is none.</summary>
    Task<Stream?> OpenFolderFileAsync(string folder, string path, CancellationToken cancellation);

    /// <summary>Removes the folder <paramref name="folder"/> and all below it; nothing happens when there is none.</summary>
    Task DeleteFolderAsync(string folder, CancellationToken cancellation);
}

/// <summary>A file below a folder of the store: its path relative to the folder (parts joined by '/') and its size in bytes.</summary>
public readonly record struct FolderFile(string Path, long Size);
