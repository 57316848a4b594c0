using System.Runtime.CompilerServices;

namespace Ipp.Graph.Engine.Language;

/// <summary>The character classes of GraphQL's lexical grammar, tested on UTF-16 code units (or -1 past the end).</summary>
internal static class CharacterClasses
{
    /// <summary>Horizontal tab or space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(int code) => code == '\t' || code == ' ';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(int code) => (uint)(code - '0') <= 9;

    /// <summary>A letter or underscore: what a name may start with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNameStart(int code) => (uint)((code | 0x20) - 'a') <= 'z' - 'a' || code == '_';

    /// <summary>A letter, digit or underscore: what may follow the first character of a name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNameContinue(int code) => (uint)code < 128 && NameContinueTable[code] != 0;

    // 1 for [A-Za-z0-9_] among the ASCII characters.
    private static ReadOnlySpan<byte> NameContinueTable =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    /// <summary>A code point other than a surrogate: the source characters GraphQL allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUnicodeScalarValue(int code) => (uint)code <= 0xD7FF || (code >= 0xE000 && code <= 0x10FFFF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLeadingSurrogate(int code) => code >= 0xD800 && code <= 0xDBFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTrailingSurrogate(int code) => code >= 0xDC00 && code <= 0xDFFF;

    /// <summary>Whether a surrogate pair (a code point above U+FFFF) starts at the position.</summary>
    public static bool IsSupplementaryCodePoint(string body, int position) =>
        (uint)(position + 1) < (uint)body.Length
        && IsLeadingSurrogate(body[position])
        && IsTrailingSurrogate(body[position + 1]);

    /// <summary>
    /// How many UTF-16 code units the source character at the position takes: 1, or 2 for a surrogate pair; 0 for a
    /// lone surrogate, which GraphQL source text may not contain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SourceCharacterWidth(string body, int position)
    {
        if (!char.IsSurrogate(body[position]))
        {
            return 1;
        }

        return IsSupplementaryCodePoint(body, position) ? 2 : 0;
    }

    /// <summary>The value of a hexadecimal digit, or -1 when the code is none.</summary>
    public static int HexValue(int code)
    {
        if ((uint)(code - '0') <= 9)
        {
            return code - '0';
        }

        if ((uint)(code - 'A') <= 'F' - 'A')
        {
            return code - 'A' + 10;
        }

        if ((uint)(code - 'a') <= 'f' - 'a')
        {
            return code - 'a' + 10;
        }

        return -1;
    }
}
