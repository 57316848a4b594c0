using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The account is disabled already (<c>ALREADY_DISABLED</c>).</summary>
public sealed class AlreadyDisabledError() : MutationError("The account is disabled already: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.AlreadyDisabled;
}
