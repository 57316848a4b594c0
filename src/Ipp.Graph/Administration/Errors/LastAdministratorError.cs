using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The change would leave no administrator (<c>LAST_ADMINISTRATOR</c>).</summary>
public sealed class LastAdministratorError() : MutationError("This user is the only approved, enabled administrator: they cannot lose ADMIN, be disabled or be denied. Make another administrator first; nothing changed.")
{
    public override string Code => AdministrationErrorCodes.LastAdministrator;
}
