using Microsoft.Extensions.Primitives;

namespace Ipp.Graph.Transport.Http;

/// <summary>The charset parameter of a media type: GraphQL over HTTP reads and writes UTF-8 only.</summary>
public static class HttpCharsets
{
    /// <summary>True when <paramref name="charset"/> is absent (UTF-8 is then assumed) or names UTF-8, in any case, quoted or not.</summary>
    public static bool IsUtf8OrUnspecified(StringSegment charset)
    {
        if (!charset.HasValue)
        {
            return true;
        }

        var name = charset.AsSpan().Trim().Trim('"');
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
