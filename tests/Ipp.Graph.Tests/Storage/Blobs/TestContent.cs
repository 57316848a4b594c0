using Ipp.Graph.Storage;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A stream of known random bytes that does not know its length (as a request body being received), so a store must
/// stream it; <see cref="AfterBytes"/> runs once when that many bytes have been read (a server stopped midway).
/// </summary>
internal sealed class TestContent(byte[] bytes) : ReadOnlyStream
{
    private int _position;
    private bool _afterBytesRun;

    /// <summary>Runs once, before the first read after <see cref="AfterBytesCount"/> bytes were read.</summary>
    public Func<Task>? AfterBytes { get; init; }

    public int AfterBytesCount { get; init; }

    /// <summary><paramref name="count"/> random bytes.</summary>
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (AfterBytes is { } action && !_afterBytesRun && _position >= AfterBytesCount)
        {
            _afterBytesRun = true;
            await action();
        }

        var count = Math.Min(Math.Min(buffer.Length, 64 * 1024), bytes.Length - _position);
        bytes.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
