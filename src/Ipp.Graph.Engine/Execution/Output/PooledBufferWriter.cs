using System.Buffers;

namespace Ipp.Graph.Engine.Execution.Output;

/// <summary>A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>; dispose to return it.</summary>
internal class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    public PooledBufferWriter(int initialCapacity = 4096) => Buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public ReadOnlySpan<byte> WrittenSpan => Buffer.AsSpan(0, Written);

    /// <summary>The rented array; bytes from <see cref="Written"/> on are free.</summary>
    protected byte[] Buffer { get; private set; }

    /// <summary>How many bytes of <see cref="Buffer"/> are written.</summary>
    protected int Written { get; set; }

    public void Advance(int count) => Written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Buffer.AsMemory(Written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Buffer.AsSpan(Written);
    }

    public void Dispose() => Trim(0);

    /// <summary>Empties the buffer for another use, with room for at least <paramref name="capacity"/> bytes.</summary>
    protected void Restart(int capacity)
    {
        Written = 0;
        if (Buffer.Length < capacity)
        {
            Trim(0);
            Buffer = ArrayPool<byte>.Shared.Rent(capacity);
        }
    }

    /// <summary>Returns the buffer to the pool when it is longer than <paramref name="longestKept"/> bytes.</summary>
    protected void Trim(int longestKept)
    {
        var buffer = Buffer;
        if (buffer.Length > longestKept)
        {
            Buffer = [];
            Written = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (at least one).</summary>
    protected void Ensure(int sizeHint)
    {
        if (Buffer.Length - Written < Math.Max(sizeHint, 1))
        {
            Grow(sizeHint);
        }
    }

    private void Grow(int sizeHint)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Written + Math.Max(sizeHint, 1), Buffer.Length * 2));
        Buffer.AsSpan(0, Written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(Buffer);
        Buffer = larger;
    }
}
