namespace Ipp.Graph.Storage.Blobs;

/// <summary>A part of a blob to read: from <see cref="Start"/> (0-based), <see cref="Length"/> bytes or, without it, to the end.</summary>
public readonly record struct ByteRange
{
    public ByteRange(long start, long? length = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (length is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, nameof(length));
        }

        Start = start;
        Length = length;
    }

    public long Start { get; }

    public long? Length { get; }

    /// <summary>The range as an HTTP Range header's value: <c>bytes=10-19</c>, <c>bytes=10-</c>.</summary>
    public string ToHttpRange() => Length is { } count ? $"bytes={Start}-{Start + count - 1}" : $"bytes={Start}-";
}
