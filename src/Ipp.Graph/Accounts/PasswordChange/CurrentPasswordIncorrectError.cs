using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.PasswordChange;

/// <summary>The current password given is wrong (<c>CURRENT_PASSWORD_INCORRECT</c>).</summary>
public sealed class CurrentPasswordIncorrectError() : MutationError("The current password is incorrect.")
{
    public override string Code => PasswordChangeErrorCodes.CurrentPasswordIncorrect;
}
