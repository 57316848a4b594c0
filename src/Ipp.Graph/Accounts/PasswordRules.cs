using System.Text;
using Ipp.Graph.Accounts.Errors;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts;

/// <summary>
/// What a password must be. bcrypt reads at most 72 bytes of its UTF-8 form, and its C implementations (the ones
/// other systems sharing our hashes use) stop at a NUL byte: rather than let bcrypt silently ignore the rest, such
/// passwords are refused. A lone UTF-16 surrogate (an unpaired <c>\ud800</c> to <c>\udfff</c>, which a JSON string may
/// carry) has no UTF-8 form: encoded, every one becomes U+FFFD, so two different passwords would open the same
/// account; such passwords are refused too.
/// </summary>
public static class PasswordRules
{
    /// <summary>The most UTF-8 bytes bcrypt reads.</summary>
    public const int MaxBytes = 72;

    /// <summary>Throws an <see cref="InvalidPasswordError"/> (in a <see cref="MutationException"/>) when a new password breaks a rule.</summary>
    public static void CheckNew(string password, int minBytes)
    {
        if (password.Contains('\0', StringComparison.Ordinal))
        {
            throw new MutationException(new InvalidPasswordError("The password must not contain the NUL character.", minBytes));
        }

        if (LoneSurrogates.First(password) is { } surrogate)
        {
            throw new MutationException(new InvalidPasswordError($"The password must not contain a lone surrogate (U+{(int)surrogate:X4}): it is not a character, and has no UTF-8 form.", minBytes));
        }

        var bytes = Encoding.UTF8.GetByteCount(password);
        if (bytes < minBytes)
        {
            throw new MutationException(new InvalidPasswordError($"The password is too short: it must be at least {minBytes} bytes long (UTF-8).", minBytes));
        }

        if (bytes > MaxBytes)
        {
            throw new MutationException(new InvalidPasswordError($"The password is too long: it must be at most {MaxBytes} bytes long (UTF-8); this one has {bytes}.", minBytes));
        }
    }

    /// <summary>
    /// False when no account can have this password: bcrypt would read only part of it, or a lone surrogate stands
    /// for U+FFFD. Signing in with it then fails as a wrong password does (the minimum length is not checked there:
    /// older accounts may have shorter ones).
    /// </summary>
    public static bool CanMatch(string password) =>
        !password.Contains('\0', StringComparison.Ordinal)
        && LoneSurrogates.First(password) is null
        && Encoding.UTF8.GetByteCount(password) <= MaxBytes;
}
