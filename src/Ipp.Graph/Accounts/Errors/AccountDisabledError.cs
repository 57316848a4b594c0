using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Errors;

/// <summary>The password was right, but an administrator disabled the account (<c>ACCOUNT_DISABLED</c>).</summary>
public sealed class AccountDisabledError() : MutationError("An administrator disabled this account: it cannot sign in until it is enabled again.")
{
    public override string Code => AccountsErrorCodes.AccountDisabled;
}
