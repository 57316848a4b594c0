using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The account is not disabled (<c>NOT_DISABLED</c>).</summary>
public sealed class NotDisabledError() : MutationError("The account is not disabled: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.NotDisabled;
}
