using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Errors;

/// <summary>The password was right, but an administrator denied the account (<c>ACCOUNT_DENIED</c>).</summary>
public sealed class AccountDeniedError() : MutationError("An administrator denied this account: it cannot sign in.")
{
    public override string Code => AccountsErrorCodes.AccountDenied;
}
