using System.Buffers;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// Copies a stored blob's bytes to a response through one pooled buffer. A failure to read (the store down, the
/// blob shorter than recorded) is a <see cref="StorageUnavailableException"/>; a failure to write (the client went
/// away) stays what it is, so the caller can tell the two apart.
/// </summary>
internal static class BlobCopy
{
    /// <summary>Large enough that a fast store and a fast client are not held back by one write per few kilobytes.</summary>
    private const int BufferSize = 256 * 1024;

    /// <summary>Copies exactly <paramref name="length"/> bytes of <paramref name="source"/> to <paramref name="target"/>; <paramref name="doing"/> names the read for the log.</summary>
    public static async Task CopyAsync(Stream source, Stream target, long length, string doing, CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var left = length;
            while (left > 0)
            {
                // The buffer is filled before it is written: a network store hands over a few kilobytes per read, and
                // each write to the response costs a send of its own.
                var wanted = (int)Math.Min(buffer.Length, left);
                var filled = 0;
                while (filled < wanted)
                {
                    var read = await ReadAsync(source, buffer.AsMemory(filled, wanted - filled), doing, cancellation);
                    if (read == 0)
                    {
                        throw new StorageUnavailableException(doing, new IOException($"the blob ended {left - filled} bytes before its recorded size of {length} bytes"));
                    }

                    filled += read;
                }

                await target.WriteAsync(buffer.AsMemory(0, filled), cancellation);
                left -= filled;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<int> ReadAsync(Stream source, Memory<byte> buffer, string doing, CancellationToken cancellation)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellation);
        }
        catch (Exception failure) when (StorageUnavailableException.IsCause(failure))
        {
            // A local file that cannot be read any more (a WebDAV store's stream throws StorageUnavailableException itself).
            throw new StorageUnavailableException(doing, failure);
        }
    }
}
