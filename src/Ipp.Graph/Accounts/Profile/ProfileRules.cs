using System.Text;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Profile;

/// <summary>
/// What a profile may hold. Each field is trimmed, and empty means not given (null). No field may hold a lone
/// surrogate (no character, no UTF-8 form) or a control character, which would slip into mails, logs and CSV
/// exports; the intended use, a paragraph, may hold line breaks and tabs.
/// </summary>
public static class ProfileRules
{
    /// <summary>The profile to store for <paramref name="input"/>; throws an <see cref="InvalidProfileError"/> (in a <see cref="MutationException"/>) at the first field breaking a rule.</summary>
    public static UserProfile Check(ProfileInput input) => new()
    {
        FirstName = Field("firstName", input.FirstName, ProfileLimits.FirstName, multiline: false),
        LastName = Field("lastName", input.LastName, ProfileLimits.LastName, multiline: false),
        Institution = Field("institution", input.Institution, ProfileLimits.Institution, multiline: false),
        IntendedUse = Field("intendedUse", input.IntendedUse, ProfileLimits.IntendedUse, multiline: true),
        Referral = Field("referral", input.Referral, ProfileLimits.Referral, multiline: false),
    };

    private static string? Field(string name, string? value, int maxLength, bool multiline)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (LoneSurrogates.First(text) is { } surrogate)
        {
            throw Refused(name, maxLength, $"The {name} must not contain a lone surrogate (U+{(int)surrogate:X4}): it is not a character.");
        }

        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && !(multiline && rune.Value is '\n' or '\r' or '\t'))
            {
                throw Refused(name, maxLength, $"The {name} must not contain control characters (U+{rune.Value:X4}).");
            }

            length++;
        }

        if (length > maxLength)
        {
            throw Refused(name, maxLength, $"The {name} is too long: at most {maxLength} characters; this one has {length}.");
        }

        return text;
    }

    private static MutationException Refused(string field, int maxLength, string message) =>
        new(new InvalidProfileError(field, maxLength, message));
}
