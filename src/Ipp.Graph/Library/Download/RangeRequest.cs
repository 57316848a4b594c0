using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Library.Download;

/// <summary>What a GET's <c>Range</c> asks of a representation of known size (RFC 9110, section 14).</summary>
internal enum RangeAnswer
{
    /// <summary>The whole representation (200): no Range, one that is malformed or not in bytes, or an If-Range that does not match.</summary>
    Whole,

    /// <summary>One part (206 with Content-Range).</summary>
    Partial,

    /// <summary>No byte asked for exists (416 with <c>Content-Range: bytes */size</c>).</summary>
    Unsatisfiable,
}

/// <summary>
/// Decides a request's byte range. Several ranges are served as one, from the first byte asked for to the last
/// (Content-Range says which), so a client never gets a multipart body and never more parts than one.
/// </summary>
internal readonly record struct RangeRequest(RangeAnswer Answer, long Start, long Length)
{
    private static readonly RangeRequest WholeRepresentation = new(RangeAnswer.Whole, 0, 0);

    /// <summary>The last byte of a partial answer.</summary>
    public long End => Start + Length - 1;

    /// <summary>
    /// The answer to <paramref name="request"/> for a representation of <paramref name="size"/> bytes whose strong
    /// entity tag is <paramref name="entityTag"/> and whose last change was at <paramref name="lastModified"/>.
    /// </summary>
    public static RangeRequest Of(HttpRequest request, long size, EntityTagHeaderValue entityTag, DateTimeOffset lastModified)
    {
        if (!HttpMethods.IsGet(request.Method)
            || request.Headers.Range.Count != 1
            || !RangeHeaderValue.TryParse(request.Headers.Range[0], out var range)
            || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || !IfRangeHolds(request, entityTag, lastModified))
        {
            return WholeRepresentation;
        }

        long? first = null;
        long last = -1;
        foreach (var item in range.Ranges)
        {
            long start;
            long end;
            if (item.From is { } from)
            {
                if (from >= size)
                {
                    continue;
                }

                start = from;
                end = Math.Min(item.To ?? size - 1, size - 1);
            }
            else if (item.To is > 0 and { } suffix && size > 0)
            {
                start = Math.Max(0, size - suffix);
                end = size - 1;
            }
            else
            {
                continue;
            }

            first = Math.Min(first ?? start, start);
            last = Math.Max(last, end);
        }

        return first is { } begin ? new RangeRequest(RangeAnswer.Partial, begin, last - begin + 1) : new RangeRequest(RangeAnswer.Unsatisfiable, 0, 0);
    }

    /// <summary>
    /// True without If-Range, or when it names the current representation: its strong entity tag, or exactly its
    /// Last-Modified date (to the second, as HTTP dates are).
    /// </summary>
    private static bool IfRangeHolds(HttpRequest request, EntityTagHeaderValue entityTag, DateTimeOffset lastModified)
    {
        var ifRange = request.Headers.IfRange;
        if (ifRange.Count == 0)
        {
            return true;
        }

        if (ifRange.Count > 1 || !RangeConditionHeaderValue.TryParse(ifRange[0], out var condition))
        {
            return false;
        }

        return condition.EntityTag is { } tag
            ? tag.Compare(entityTag, useStrongComparison: true)
            : condition.LastModified is { } date && date.ToUnixTimeSeconds() == lastModified.ToUnixTimeSeconds();
    }
}
