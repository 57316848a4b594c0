using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The account is approved already (<c>ALREADY_APPROVED</c>).</summary>
public sealed class AlreadyApprovedError() : MutationError("The account is approved already: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.AlreadyApproved;
}
