using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Errors;

/// <summary>The email is not an address an account can have (<c>INVALID_EMAIL</c>).</summary>
public sealed class InvalidEmailError(string message) : MutationError(message)
{
    public override string Code => AccountsErrorCodes.InvalidEmail;
}
