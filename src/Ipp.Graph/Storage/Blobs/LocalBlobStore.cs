using System.Runtime.CompilerServices;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// Blobs in a local folder (<c>Storage:Local:Path</c>): each written to a hidden temporary name beside its place,
/// flushed to the disk (fsync), renamed into place and its folder flushed (<see cref="DurableDirectory"/>), so that a
/// blob is whole or absent even after a power cut. A failed or refused write deletes its temporary file; one left by a
/// crash is never listed as a blob, and is swept by <see cref="RemoveAbandonedUploadsAsync"/>. A spooled upload on the
/// same file system is taken by a rename to that temporary name instead of a copy (<see cref="WriteSpooledAsync"/>).
/// </summary>
public sealed class LocalBlobStore(string root) : IBlobStore
{
    /// <summary>The folder holding the blobs, absolute.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<StoredBlob> WriteAsync(BlobKey key, Stream content, BlobWriteProgress? progress, CancellationToken cancellation)
    {
        var folder = Path.Combine(Root, key.Folder);
        var target = Path.Combine(folder, key.Value);
        var partial = Path.Combine(folder, PartialUploadName.For(key));
        using var copy = new HashingCopy();
        try
        {
            await BlockingFileWork.RunAsync(() => DurableDirectory.Create(folder));
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await copy.CopyAsync(content, file, progress, moved: null, cancellation, cancellation);
                await BlockingFileWork.RunAsync(() => file.Flush(flushToDisk: true));
            }

            await BlockingFileWork.RunAsync(() =>
            {
                File.Move(partial, target, overwrite: true);
                DurableDirectory.Flush(folder);
            });
            return new StoredBlob(key, copy.Size, copy.Sha256());
        }
        catch (Exception failure)
        {
            TryDelete(partial);
            copy.ThrowCallerFailure();
            if (StorageUnavailableException.IsCause(failure))
            {
                throw new StorageUnavailableException($"store the blob {target}", failure);
            }

            throw;
        }
    }

    public async Task<StoredBlob> WriteSpooledAsync(BlobKey key, ISpooledFile file, CancellationToken cancellation)
    {
        // Taken whole: a rename moves what is there.
        await file.CompletedAsync(cancellation);
        var folder = Path.Combine(Root, key.Folder);
        var target = Path.Combine(folder, key.Value);
        var partial = Path.Combine(folder, PartialUploadName.For(key));
        var taken = false;
        try
        {
            await BlockingFileWork.RunAsync(() =>
            {
                DurableDirectory.Create(folder);
                taken = file.TryRenameTo(partial);
                if (taken)
                {
                    // Its bytes reach the disk here, once: the transport did not flush them.
                    using (var bytes = new FileStream(partial, FileMode.Open, FileAccess.Write, FileShare.None, 1))
                    {
                        bytes.Flush(flushToDisk: true);
                    }

                    File.Move(partial, target, overwrite: true);
                    DurableDirectory.Flush(folder);
                }
            });
        }
        catch (Exception failure) when (StorageUnavailableException.IsCause(failure) || failure is StorageUnavailableException)
        {
            TryDelete(partial);
            throw failure as StorageUnavailableException ?? new StorageUnavailableException($"store the blob {target}", failure);
        }

        if (taken)
        {
            return new StoredBlob(key, file.Length, file.Sha256);
        }

        // On another file system: copied as any write.
        await using var content = file.OpenReadStream();
        return await WriteAsync(key, content, progress: null, cancellation);
    }

    public Task<Stream?> OpenReadAsync(BlobKey key, ByteRange? range, CancellationToken cancellation)
    {
        var path = PathOf(key);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception failure) when (StorageUnavailableException.IsCause(failure))
        {
            throw new StorageUnavailableException($"read the blob {path}", failure);
        }

        if (range is not { } part)
        {
            return Task.FromResult<Stream?>(file);
        }

        var start = Math.Min(part.Start, file.Length);
        var available = file.Length - start;
        file.Position = start;
        return Task.FromResult<Stream?>(new RangeReadStream(file, part.Length is { } length ? Math.Min(length, available) : available));
    }

    public Task<long?> SizeAsync(BlobKey key, CancellationToken cancellation)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task DeleteAsync(BlobKey key, CancellationToken cancellation)
    {
        var path = PathOf(key);
        return BlockingFileWork.RunAsync(() =>
        {
            // No folder, no blob (a write refused before its first byte made none): nothing to do, as for a missing file.
            if (!Directory.Exists(Path.GetDirectoryName(path)))
            {
                return;
            }

            StorageUnavailableException.Guard($"delete the blob {path}", () => File.Delete(path));
            DurableDirectory.Flush(Path.GetDirectoryName(path)!);
        });
    }

    public async IAsyncEnumerable<ListedBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                cancellation.ThrowIfCancellationRequested();
                if (BlobKey.TryParse(Path.GetFileName(file), out var key) && key.Value.Folder == Path.GetFileName(folder))
                {
                    yield return new ListedBlob(key.Value, File.GetLastWriteTimeUtc(file));
                }
            }
        }
    }

    public async Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset startedBefore, CancellationToken cancellation)
    {
        var removed = 0;
        await BlockingFileWork.RunAsync(() =>
        {
            if (!Directory.Exists(Root))
            {
                return;
            }

            // Not the overload with EnumerationOptions' defaults: they skip the hidden (dot) files these are.
            foreach (var file in Directory.EnumerateDirectories(Root).SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly)))
            {
                cancellation.ThrowIfCancellationRequested();
                if (PartialUploadName.TryStartedAt(Path.GetFileName(file), out var started) && started < startedBefore)
                {
                    StorageUnavailableException.Guard($"delete the abandoned upload {file}", () => File.Delete(file));
                    removed++;
                }
            }
        });
        return removed;
    }

    public string Locate(BlobKey key) => PathOf(key);

    public string LocateFolder(string folder) => Path.Combine(Root, folder);

    public async IAsyncEnumerable<FolderFile> ListFolderFilesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellation)
    {
        await Task.CompletedTask;
        var root = LocateFolder(folder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        // Links are skipped, files and folders alike: a job's output never reaches outside its folder.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", options))
        {
            cancellation.ThrowIfCancellationRequested();
            yield return new FolderFile(Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'), file.Length);
        }
    }

    public Task<Stream?> OpenFolderFileAsync(string folder, string path, CancellationToken cancellation)
    {
        var root = Path.GetFullPath(LocateFolder(folder));
        var file = Path.GetFullPath(Path.Combine(root, path));
        if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file) || PassesThroughLink(root, file))
        {
            return Task.FromResult<Stream?>(null);
        }

        return Task.FromResult<Stream?>(StorageUnavailableException.Guard($"read {file}", () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true)));
    }

    /// <summary>Whether <paramref name="file"/>, or a folder between <paramref name="root"/> and it, is a link.</summary>
    private static bool PassesThroughLink(string root, string file)
    {
        for (var path = file; path.Length > root.Length; path = Path.GetDirectoryName(path)!)
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }

    public Task DeleteFolderAsync(string folder, CancellationToken cancellation)
    {
        var root = LocateFolder(folder);
        return BlockingFileWork.RunAsync(() =>
        {
            if (Directory.Exists(root))
            {
                StorageUnavailableException.Guard($"delete the folder {root}", () => Directory.Delete(root, recursive: true));
            }
        });
    }

    private string PathOf(BlobKey key) => Path.Combine(Root, key.Folder, key.Value);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception failure) when (StorageUnavailableException.IsCause(failure))
        {
            // A leftover temporary file is never listed as a blob; the failure that stopped the write is the one to report.
        }
    }
}
