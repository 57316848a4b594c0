using System.Globalization;
using Ipp.Graph.Accounts.AccessTokens.Errors;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// The rules of a token's name: what the user calls it so they know which script holds it. Trimmed; 1 to
/// <see cref="MaxLength"/> characters; no control characters or line breaks (it is shown in lists and logs on one
/// line); unique among the user's tokens (compared as written, after trimming).
/// </summary>
public static class AccessTokenNames
{
    /// <summary>The most characters (UTF-16 code units) a name may have once trimmed; the column's size.</summary>
    public const int MaxLength = 100;

    /// <summary>The name as it is stored (trimmed).</summary>
    /// <exception cref="MutationException">An <see cref="InvalidAccessTokenNameError"/> when it breaks a rule.</exception>
    public static string Check(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw Invalid("Give the token a name, so you can tell it from your others.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw Invalid($"A token's name may have at most {MaxLength} characters; this one has {trimmed.Length}.");
        }

        if (trimmed.Any(IsLineBreakOrControl))
        {
            throw Invalid("A token's name cannot hold control characters or line breaks.");
        }

        return trimmed;
    }

    private static bool IsLineBreakOrControl(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static MutationException Invalid(string message) => new(new InvalidAccessTokenNameError(message));
}
