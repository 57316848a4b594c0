using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>The reset token works no more, or never did (<c>PASSWORD_RESET_TOKEN_INVALID</c>): the cases look alike.</summary>
public sealed class PasswordResetTokenInvalidError() : MutationError("This password reset link is invalid, expired or used already: ask for a new one.")
{
    public override string Code => PasswordResetErrorCodes.TokenInvalid;
}
