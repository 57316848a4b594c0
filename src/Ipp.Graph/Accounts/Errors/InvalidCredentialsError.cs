using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Errors;

/// <summary>The email and password match no account (<c>INVALID_CREDENTIALS</c>): an unknown email looks the same.</summary>
public sealed class InvalidCredentialsError() : MutationError("The email or password is incorrect.")
{
    public override string Code => AccountsErrorCodes.InvalidCredentials;
}
