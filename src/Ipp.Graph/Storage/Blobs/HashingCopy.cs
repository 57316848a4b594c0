using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// Copies what a write stores from the caller's stream to the store's, one buffer at a time, counting and hashing the
/// bytes (SHA-256) on the way and asking <see cref="BlobWriteProgress"/> before each chunk is passed on. A failure on
/// the caller's side (its stream, or the progress callback refusing) is kept in <see cref="CallerFailure"/>, so that
/// a store can tell it from its own and rethrow it as it was.
/// </summary>
internal sealed class HashingCopy(bool hash = true) : IDisposable
{
    private const int BufferBytes = 128 * 1024;

    /// <summary>The SHA-256 on the way; null for a copy whose source's is known already (a spooled file's).</summary>
    private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;

    /// <summary>The bytes copied so far.</summary>
    public long Size { get; private set; }

    /// <summary>The caller's failure, when the copy stopped because of it.</summary>
    public ExceptionDispatchInfo? CallerFailure { get; private set; }

    /// <summary>
    /// Copies <paramref name="source"/> to its end into <paramref name="target"/>; <paramref name="moved"/> is told of
    /// each chunk read and each stored. Reads stop on <paramref name="readCancellation"/> (the caller's), writes on
    /// <paramref name="writeCancellation"/> (the store's).
    /// </summary>
    public async Task CopyAsync(
        Stream source, Stream target, BlobWriteProgress? progress, Action? moved, CancellationToken readCancellation, CancellationToken writeCancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            while (true)
            {
                var read = await FromCallerAsync(async () =>
                {
                    var count = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), readCancellation);
                    if (count > 0)
                    {
                        progress?.Invoke(Size + count);
                    }

                    return count;
                });
                if (read == 0)
                {
                    return;
                }

                moved?.Invoke();
                _hash?.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), writeCancellation);
                Size += read;
                moved?.Invoke();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The SHA-256 of everything copied, in lowercase hexadecimal (a copy made to hash).</summary>
    public string Sha256() => Convert.ToHexStringLower((_hash ?? throw new InvalidOperationException("This copy does not hash.")).GetCurrentHash());

    /// <summary>Throws the caller's failure, as it was, when there is one.</summary>
    public void ThrowCallerFailure() => CallerFailure?.Throw();

    public void Dispose() => _hash?.Dispose();

    private async Task<int> FromCallerAsync(Func<Task<int>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception)
        {
            CallerFailure = ExceptionDispatchInfo.Capture(exception);
            throw;
        }
    }
}
