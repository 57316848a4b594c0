using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ipp.Graph.Transport;

/// <summary>
/// Parses the JSON clients send, every transport alike (request bodies, GET's <c>variables</c> and <c>extensions</c>,
/// multipart <c>operations</c> and <c>map</c>, WebSocket messages). Besides what <see cref="JsonDocument"/> refuses,
/// it refuses escapes of lone surrogates (<c>"\udc00"</c>: half of a UTF-16 pair, which is no character) in member
/// names and string values alike, as I-JSON (RFC 7493) does: such text cannot be stored, compared or written back as
/// UTF-8 without being changed, and System.Text.Json throws on it where it reads a name.
/// </summary>
internal static class ClientJson
{
    /// <summary>
    /// The parse of <paramref name="utf8"/>, which the caller knows is valid UTF-8 (the document refers into it).
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON this server accepts; the message says why.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, JsonDocumentOptions options)
    {
        if (FindLoneSurrogateEscape(utf8.Span) is var at and >= 0)
        {
            var escape = utf8.Span.Slice(at, 6);
            throw new JsonException(
                $"the escape \\u{Encoding.ASCII.GetString(escape[2..]).ToLowerInvariant()} at byte {at} is a lone surrogate, which is no character.");
        }

        return JsonDocument.Parse(utf8, options);
    }

    /// <summary>
    /// The parse of a query parameter's text. It was decoded from UTF-8 (invalid bytes became U+FFFD), so it holds
    /// no lone surrogate character: encoding it back changes nothing.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON this server accepts; the message says why.</exception>
    public static JsonDocument Parse(string text, JsonDocumentOptions options) => Parse(Encoding.UTF8.GetBytes(text), options);

    /// <summary>
    /// Where the first <c>\uXXXX</c> escape of a surrogate that is not half of a high-low pair starts; -1 when
    /// there is none. Escaped backslashes are skipped as a pair, so <c>\\udc00</c> is a backslash and text. Escapes
    /// are the only way a surrogate can appear: valid UTF-8 cannot encode one.
    /// </summary>
    private static int FindLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var i = 0;
        while (i < json.Length && json[i..].IndexOf((byte)'\\') is var next and >= 0)
        {
            i += next;
            if (!TryReadEscapedUnit(json, i, out var unit))
            {
                i += 2;
                continue;
            }

            if (!char.IsSurrogate(unit))
            {
                i += 6;
            }
            else if (char.IsHighSurrogate(unit) && TryReadEscapedUnit(json, i + 6, out var low) && char.IsLowSurrogate(low))
            {
                i += 12;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The UTF-16 unit of a <c>\uXXXX</c> escape at <paramref name="at"/>; false when none is there.</summary>
    private static bool TryReadEscapedUnit(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u'
            || !ushort.TryParse(json.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }
}
