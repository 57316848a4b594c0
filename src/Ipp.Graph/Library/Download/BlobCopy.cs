using System.Buffers;
using System.IO.Pipelines;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// Copies a stored blob's bytes to a response: a file's through two pooled blocks, one read while the other is sent; a
/// zip entry's through one pooled buffer. A failure to read (the store down, the blob shorter than recorded) is a
/// <see cref="StorageUnavailableException"/>; a failure to write (the client went away) stays what it is, so the
/// caller can tell the two apart.
/// </summary>
internal static class BlobCopy
{
    /// <summary>
    /// The bytes read before each flush to the response: large enough that a fast store and a fast client are not
    /// held back by one read and one send per few kilobytes, small enough that a download holds little memory.
    /// </summary>
    private const int BlockSize = 1024 * 1024;

    /// <summary>The buffer between a blob and a zip entry, whose deflate stream takes its input in smaller steps anyway.</summary>
    private const int ZipBufferSize = 256 * 1024;

    /// <summary>
    /// Copies exactly <paramref name="length"/> bytes of <paramref name="source"/> to the response's
    /// <paramref name="target"/>, the next block read while the last is sent; <paramref name="doing"/> names the read
    /// for the log. Read and send take turns otherwise, and a disk reads little ahead by itself: reading 1 GiB from the
    /// disk and sending it took the sum of the two (measured: docs/benchmarks.md, "Library downloads"), where read-ahead
    /// takes about the longer one. Reading straight into the pipe's memory would save the one copy here but cannot
    /// read ahead: a pipe lends one block at a time.
    /// </summary>
    public static async Task CopyAsync(Stream source, PipeWriter target, long length, string doing, CancellationToken cancellation)
    {
        var sending = ArrayPool<byte>.Shared.Rent(BlockSize);
        var reading = ArrayPool<byte>.Shared.Rent(BlockSize);
        var next = FillAsync(source, Block(reading, length), length, length, doing, cancellation);
        try
        {
            var left = length;
            while (left > 0)
            {
                var filled = await next;
                left -= filled;
                (sending, reading) = (reading, sending);
                if (left > 0)
                {
                    next = FillAsync(source, Block(reading, left), left, length, doing, cancellation);
                }

                // One copy, into one segment of the pipe's: Kestrel sends from it.
                sending.AsSpan(0, filled).CopyTo(target.GetSpan(filled));
                target.Advance(filled);
                var flushed = await target.FlushAsync(cancellation);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    // The connection is gone: nothing more can be sent.
                    cancellation.ThrowIfCancellationRequested();
                    throw new OperationCanceledException("the response ended before the blob was sent");
                }
            }
        }
        finally
        {
            // A read still running owns its buffer and the stream, which the caller disposes next.
            await Task.WhenAny(next);
            ArrayPool<byte>.Shared.Return(sending);
            ArrayPool<byte>.Shared.Return(reading);
        }
    }

    /// <summary>The part of <paramref name="buffer"/> the next read fills when <paramref name="left"/> bytes are still to come.</summary>
    private static Memory<byte> Block(byte[] buffer, long left) => buffer.AsMemory(0, (int)Math.Min(BlockSize, left));

    /// <summary>Copies exactly <paramref name="length"/> bytes of <paramref name="source"/> to <paramref name="target"/> (a zip entry); <paramref name="doing"/> names the read for the log.</summary>
    public static async Task CopyAsync(Stream source, Stream target, long length, string doing, CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ZipBufferSize);
        try
        {
            var left = length;
            while (left > 0)
            {
                var wanted = (int)Math.Min(buffer.Length, left);
                await FillAsync(source, buffer.AsMemory(0, wanted), left, length, doing, cancellation);
                await target.WriteAsync(buffer.AsMemory(0, wanted), cancellation);
                left -= wanted;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Fills <paramref name="block"/> from <paramref name="source"/>, <paramref name="left"/> of whose
    /// <paramref name="length"/> bytes are still to come. The block is filled before it is sent: a network store hands
    /// over a few kilobytes per read, and each send costs a system call of its own.
    /// </summary>
    private static async Task<int> FillAsync(Stream source, Memory<byte> block, long left, long length, string doing, CancellationToken cancellation)
    {
        var filled = 0;
        while (filled < block.Length)
        {
            var read = await ReadAsync(source, block[filled..], doing, cancellation);
            if (read == 0)
            {
                throw new StorageUnavailableException(doing, new IOException($"the blob ended {left - filled} bytes before its recorded size of {length} bytes"));
            }

            filled += read;
        }

        return filled;
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
