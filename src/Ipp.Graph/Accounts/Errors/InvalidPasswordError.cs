using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Errors;

/// <summary>A new password breaks a rule (<c>INVALID_PASSWORD</c>), with the length a password must have.</summary>
public sealed class InvalidPasswordError(string message, int minBytes) : MutationError(message)
{
    public override string Code => AccountsErrorCodes.InvalidPassword;

    /// <summary>The fewest UTF-8 bytes a password may have (the setting <c>Accounts:MinPasswordLength</c>).</summary>
    public int MinBytes { get; } = minBytes;

    /// <summary>The most UTF-8 bytes a password may have: what bcrypt reads.</summary>
    public int MaxBytes => PasswordRules.MaxBytes;
}
