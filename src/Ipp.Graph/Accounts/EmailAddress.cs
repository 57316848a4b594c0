using System.Globalization;
using System.Text;
using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Accounts.Errors;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts;

/// <summary>
/// An email address as accounts use it: trimmed as written, and a normalised form (lower case) that accounts are
/// compared and looked up by, so <c> Ada@Example.org</c> and <c>ada@example.org</c> are the same account.
/// </summary>
/// <remarks>
/// <para>
/// An address must show every character it holds, so that no two accounts look alike: outside ASCII it may not hold
/// invisible, formatting or control characters (U+200B zero width space, U+202E right-to-left override, U+00AD soft
/// hyphen, U+FEFF, any other of Unicode's Cc and Cf), spaces or line separators (U+00A0, U+3000), lone surrogates,
/// private-use or unassigned code points (as the runtime's Unicode data knows them), combining marks, the blank
/// letters (U+115F, U+1160, U+3164, U+FFA0, U+2800) or U+FFFD (what a lone surrogate becomes once encoded).
/// </para>
/// <para>
/// Addresses are not normalised to NFC: the server runs with InvariantGlobalization, where <c>string.Normalize</c>
/// returns its text unchanged. Refusing combining marks does the work that matters instead: an accented letter can
/// only be written precomposed (<c>é</c>, never <c>e</c> and U+0301), so it has one spelling. Look-alikes made of
/// visible characters of other scripts (Cyrillic <c>а</c> for Latin <c>a</c>) are not detected.
/// </para>
/// </remarks>
public readonly record struct EmailAddress(string Written, string Normalized)
{
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    /// <summary>The address, or an <see cref="InvalidEmailError"/> (in a <see cref="MutationException"/>) when it is not a plausible one.</summary>
    public static EmailAddress Parse(string text)
    {
        if (TryParse(text, out var address))
        {
            return address;
        }

        var message = FirstUnseenCodePoint(text.Trim()) is { } codePoint
            ? $"The email address is not valid: it contains U+{codePoint:X4}, which is not a visible character of its own (an invisible, formatting, control, private-use or unassigned code point, a lone surrogate or a combining mark)."
            : "The email address is not valid: write it as name@example.org.";
        throw new MutationException(new InvalidEmailError(message));
    }

    /// <summary>
    /// Reads an address: one <c>@</c> between a local part of visible characters (no spaces, quotes or angle
    /// brackets) and a domain of two or more dot-separated labels of letters, digits and inner hyphens, with none of
    /// the characters the remarks list. Deliberately simpler than RFC 5322 (no quoted local parts, comments or IP
    /// literals).
    /// </summary>
    public static bool TryParse(string text, out EmailAddress address)
    {
        address = default;
        var written = text.Trim();
        var at = written.IndexOf('@', StringComparison.Ordinal);
        if (written.Length > User.EmailMaxLength || at <= 0 || at > MaxLocalPartLength || at != written.LastIndexOf('@'))
        {
            return false;
        }

        var local = written.AsSpan(0, at);
        var domain = written.AsSpan(at + 1);
        if (FirstUnseenCodePoint(written) is not null || !IsLocalPart(local) || !IsDomain(domain))
        {
            return false;
        }

        address = new EmailAddress(written, written.ToLowerInvariant());
        return true;
    }

    /// <summary>The normalised form of an address for looking accounts up (no validation: a lookup finds nothing for a bad one).</summary>
    public static string Normalize(string text) => text.Trim().ToLowerInvariant();

    /// <summary>
    /// The first code point outside ASCII that the remarks refuse; null when there is none. (ASCII's controls and
    /// space are refused by the address's syntax, with the general message.)
    /// </summary>
    private static int? FirstUnseenCodePoint(string text)
    {
        if (LoneSurrogates.First(text) is { } surrogate)
        {
            return surrogate;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!rune.IsAscii && IsUnseen(rune))
            {
                return rune.Value;
            }
        }

        return null;
    }

    private static bool IsUnseen(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark
        // Blank "letters" (Hangul fillers, the Braille blank); U+FFFD, which a lookup's lone surrogate becomes in SQLite (UTF-8).
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0xFFFD;

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or '\\' or ']')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            labels++;
        }

        return labels >= 2;
    }
}
