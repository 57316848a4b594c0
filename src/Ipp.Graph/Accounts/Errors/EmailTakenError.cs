using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Errors;

/// <summary>Another account already uses the email (<c>EMAIL_TAKEN</c>).</summary>
public sealed class EmailTakenError() : MutationError("An account with this email already exists.")
{
    public override string Code => AccountsErrorCodes.EmailTaken;
}
