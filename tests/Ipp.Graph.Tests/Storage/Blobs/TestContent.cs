namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A stream of known random bytes that does not know its length (as a request body being received), so a store must
/// stream it; <see cref="AfterBytes"/> runs once when that many bytes have been read (a server stopped midway).
/// </summary>
public sealed class TestContent(byte[] bytes) : Stream
{
    private int _position;
    private bool _afterBytesRun;

    /// <summary>Runs once, before the first read after <see cref="AfterBytesCount"/> bytes were read.</summary>
    public Func<Task>? AfterBytes { get; init; }

    public int AfterBytesCount { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary><paramref name="count"/> random bytes.</summary>
    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
