using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The account is denied already (<c>ALREADY_DENIED</c>).</summary>
public sealed class AlreadyDeniedError() : MutationError("The account is denied already: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.AlreadyDenied;
}
