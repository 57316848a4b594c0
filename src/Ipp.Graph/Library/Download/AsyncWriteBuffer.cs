using System.Buffers;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// Lets <see cref="System.IO.Compression.ZipArchive"/> write to a response, which takes no synchronous writes: the
/// archive's entry streams end (their last deflate block, the data descriptor) with synchronous writes even when
/// disposed asynchronously. Those few bytes wait here until <see cref="FlushAsync(CancellationToken)"/>; asynchronous
/// writes pass on as soon as <see cref="Threshold"/> bytes wait, so what waits stays small (a file's tail, or the
/// central directory at the end).
/// </summary>
internal sealed class AsyncWriteBuffer(Stream inner) : Stream
{
    /// <summary>The bytes that may wait before an asynchronous write sends them on.</summary>
    private const int Threshold = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _pending = new(Threshold);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.WrittenCount == 0 && buffer.Length >= Threshold)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        _pending.Write(buffer.Span);
        if (_pending.WrittenCount >= Threshold)
        {
            await SendPendingAsync(cancellationToken);
        }
    }

    /// <summary>Nothing: a synchronous flush cannot reach the response. <see cref="FlushAsync(CancellationToken)"/> does.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount > 0)
        {
            await inner.WriteAsync(_pending.WrittenMemory, cancellationToken);
            _pending.ResetWrittenCount();
        }
    }
}
