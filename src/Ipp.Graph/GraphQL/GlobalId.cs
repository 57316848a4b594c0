using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// Global object identifiers (the <c>Node</c> interface's <c>id</c>): the type name and the database key,
/// <c>User:42</c>, in URL-safe base64, so clients treat them as opaque and one <c>node(id:)</c> finds any object.
/// Each object has exactly one id: a text that decodes to the same type and key but is not what <see cref="Encode"/>
/// writes (<c>User:042</c>, <c>User:+42</c>, base64 with padding or stray bits) is no id, so clients can compare ids
/// and cache by them. Type names are GraphQL names (ASCII letters, digits and underscores).
/// </summary>
/// <remarks>Encoding and decoding work on the stack: a response may carry thousands of ids.</remarks>
public static class GlobalId
{
    /// <summary>The longest id read: longer text is no id.</summary>
    public const int MaxLength = 200;

    // The decoded text of the longest id.
    private const int MaxDecodedLength = MaxLength / 4 * 3;

    // The base64url alphabet in the order of the values its characters stand for (ValueOf).
    private const string Base64UrlAlphabetText = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SearchValues<char> Base64UrlAlphabet = SearchValues.Create(Base64UrlAlphabetText);

    public static string Encode(string typeName, long key)
    {
        Span<byte> text = stackalloc byte[typeName.Length + 21];
        return Base64Url.EncodeToString(text[..Write(typeName, key, text)]);
    }

    /// <summary>The key of a global id of the type <paramref name="typeName"/>; false when the text is not such an id.</summary>
    public static bool TryDecode(string id, string typeName, out long key)
    {
        Span<char> decodedType = stackalloc char[MaxDecodedLength];
        if (TryDecode(id, decodedType, out var length, out key) && decodedType[..length].SequenceEqual(typeName))
        {
            return true;
        }

        key = 0;
        return false;
    }

    /// <summary>
    /// The type name (written to <paramref name="typeName"/>, room for <see cref="MaxLength"/> characters) and
    /// key of a global id; false when the text is not one.
    /// </summary>
    [SkipLocalsInit] // The decoded bytes are written before they are read: not zeroed first (once per id read).
    public static bool TryDecode(ReadOnlySpan<char> id, Span<char> typeName, out int typeNameLength, out long key)
    {
        typeNameLength = 0;
        key = 0;
        Span<byte> text = stackalloc byte[MaxDecodedLength];
        if (id.Length is 0 or > MaxLength || !IsCanonicalBase64Url(id)
            || Base64Url.DecodeFromChars(id, text, out _, out var textLength) != OperationStatus.Done)
        {
            return false;
        }

        text = text[..textLength];
        var colon = text.LastIndexOf((byte)':');
        if (colon <= 0 || !TryParseKey(text[(colon + 1)..], out key) || !IsName(text[..colon]))
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            typeName[i] = (char)text[i];
        }

        typeNameLength = colon;
        return true;
    }

    /// <summary>
    /// Base64url as <see cref="Encode"/> writes it, the one spelling of its bytes: the alphabet's characters only (no
    /// padding, no whitespace), a length that some bytes give, and the last character's unused bits zero.
    /// </summary>
    private static bool IsCanonicalBase64Url(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyExcept(Base64UrlAlphabet) || text.Length % 4 == 1)
        {
            return false;
        }

        var unusedBits = (text.Length % 4) switch { 2 => 0b1111, 3 => 0b11, _ => 0 };
        return (ValueOf(text[^1]) & unusedBits) == 0;
    }

    /// <summary>The value a character of the base64url alphabet stands for (its place in the alphabet).</summary>
    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };

    private static int Write(string typeName, long key, Span<byte> text)
    {
        for (var i = 0; i < typeName.Length; i++)
        {
            text[i] = (byte)typeName[i];
        }

        text[typeName.Length] = (byte)':';
        Utf8Formatter.TryFormat(key, text[(typeName.Length + 1)..], out var digits);
        return typeName.Length + 1 + digits;
    }

    /// <summary>Decimal digits as <see cref="long.ToString()"/> writes a key of zero or more: no sign, no leading zero.</summary>
    private static bool TryParseKey(ReadOnlySpan<byte> digits, out long key)
    {
        key = 0;
        return digits.Length > 0
            && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && (digits.Length == 1 || digits[0] != (byte)'0')
            && Utf8Parser.TryParse(digits, out key, out var consumed)
            && consumed == digits.Length;
    }

    private static bool IsName(ReadOnlySpan<byte> name)
    {
        foreach (var c in name)
        {
            if (!(c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }
}
