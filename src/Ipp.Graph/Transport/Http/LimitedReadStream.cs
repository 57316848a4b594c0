namespace Ipp.Graph.Transport.Http;

/// <summary>
/// A request body read through a limit: reading past <c>limit</c> bytes throws <see cref="LimitExceededException"/>,
/// so a body larger than the limit is refused having read one byte beyond it, whatever its Content-Length says.
/// </summary>
internal sealed class LimitedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;

    public LimitedReadStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    /// <summary>How many bytes were read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer[..Allowed(buffer.Length)]));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>How much of a buffer to fill: never more than one byte past the limit, enough to tell it was passed.</summary>
    private int Allowed(int length) => (int)Math.Min(length, _limit - BytesRead + 1);

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > _limit)
        {
            throw new LimitExceededException();
        }

        return read;
    }

    /// <summary>The body is larger than the limit.</summary>
    public sealed class LimitExceededException : Exception
    {
    }
}
