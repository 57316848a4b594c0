using Ipp.Graph.Accounts.Errors;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts;

/// <summary>
/// An email address as accounts use it: trimmed as written, and a normalised form (lower case) that accounts are
/// compared and looked up by, so <c> Ada@Example.org</c> and <c>ada@example.org</c> are the same account.
/// </summary>
public readonly record struct EmailAddress(string Written, string Normalized)
{
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    /// <summary>The address, or an <see cref="InvalidEmailError"/> (in a <see cref="MutationException"/>) when it is not a plausible one.</summary>
    public static EmailAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new MutationException(new InvalidEmailError("The email address is not valid: write it as name@example.org."));

    /// <summary>
    /// Reads an address: one <c>@</c> between a local part of visible characters (no spaces, quotes or angle
    /// brackets) and a domain of two or more dot-separated labels of letters, digits and inner hyphens.
    /// Deliberately simpler than RFC 5322 (no quoted local parts, comments or IP literals).
    /// </summary>
    public static bool TryParse(string text, out EmailAddress address)
    {
        address = default;
        var written = text.Trim();
        var at = written.IndexOf('@', StringComparison.Ordinal);
        if (written.Length > IppDbContext.EmailMaxLength || at <= 0 || at > MaxLocalPartLength || at != written.LastIndexOf('@'))
        {
            return false;
        }

        var local = written.AsSpan(0, at);
        var domain = written.AsSpan(at + 1);
        if (!IsLocalPart(local) || !IsDomain(domain))
        {
            return false;
        }

        address = new EmailAddress(written, written.ToLowerInvariant());
        return true;
    }

    /// <summary>The normalised form of an address for looking accounts up (no validation: a lookup finds nothing for a bad one).</summary>
    public static string Normalize(string text) => text.Trim().ToLowerInvariant();

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
