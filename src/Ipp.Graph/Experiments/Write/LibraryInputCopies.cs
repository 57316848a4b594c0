using System.Buffers;
using System.Security.Cryptography;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Copies the library files a new experiment takes from the blob store into its staging folder: the experiment's own
/// copy, which deleting the entry later leaves alone. Blocking work (<see cref="BlockingFileWork"/>): each file is
/// streamed through one pooled buffer, its size and SHA-256 checked against what the library recorded, and flushed to
/// the disk; each folder made is flushed into its parent (<see cref="DurableDirectory.Create"/>), and the folders
/// holding the files are flushed by the caller with the staging folder. A blob that is gone (its entry deleted
/// meanwhile) throws <see cref="LibraryEntryGoneException"/>; a store or a disk that fails, or bytes that differ from
/// the record, <see cref="StorageUnavailableException"/>; the client leaving, <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class LibraryInputCopies(IBlobStore blobs)
{
    private const int BufferBytes = 128 * 1024;

    /// <summary>
    /// Copies every input of <paramref name="inputs"/> that comes from the library into <paramref name="staging"/>
    /// under its stored name; returns the folders inside it that hold the files, for the caller to flush.
    /// </summary>
    public HashSet<string> Copy(string staging, IEnumerable<PlannedInput> inputs, CancellationToken cancellationToken)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            foreach (var input in inputs)
            {
                if (input.LibraryFile is null)
                {
                    continue;
                }

                var target = Path.Combine(staging, input.Row.StoredName);
                var folder = Path.GetDirectoryName(target)!;
                if (folder != staging && folders.Add(folder))
                {
                    DurableDirectory.Create(folder);
                }

                CopyOne(input, target, buffer, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return folders;
    }

    private void CopyOne(PlannedInput input, string target, byte[] buffer, CancellationToken cancellationToken)
    {
        var stored = input.LibraryFile!;
        var key = BlobKey.Parse(stored.BlobKey);
        // The store is asynchronous (WebDAV); waiting for it here, on a thread of its own (BlockingFileWork), keeps
        // the file's writes and flushes off the thread pool's workers. Each wait ends when the client leaves.
        using var source = blobs.OpenReadAsync(key, range: null, cancellationToken).GetAwaiter().GetResult()
            ?? throw new LibraryEntryGoneException(input);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var file = StorageUnavailableException.Guard($"create {target}", () => new FileStream(target, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
        }));
        long size = 0;
        while (true)
        {
            var read = StorageUnavailableException.Guard(
                $"read the blob {key}", () => source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).AsTask().GetAwaiter().GetResult());
            if (read == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            StorageUnavailableException.Guard($"write {target}", () => file.Write(buffer, 0, read));
            size += read;
        }

        if (size != stored.Size || Convert.ToHexStringLower(hash.GetCurrentHash()) != stored.Sha256)
        {
            throw new StorageUnavailableException(
                $"copy the blob {key} to {target}",
                new IOException($"its {size} bytes are not the {stored.Size} bytes of SHA-256 {stored.Sha256} the library recorded"));
        }

        StorageUnavailableException.Guard($"write {target}", () => file.Flush(flushToDisk: true));
    }
}

/// <summary>A library file an experiment takes is no longer stored: its entry was deleted after it was found.</summary>
public sealed class LibraryEntryGoneException(PlannedInput input)
    : Exception($"The library entry {input.Row.LibraryEntryId} was deleted while an experiment copied it.")
{
    /// <summary>The input whose file is gone.</summary>
    public PlannedInput Input { get; } = input;
}
