using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The user does not hold the role (<c>ROLE_NOT_HELD</c>).</summary>
public sealed class RoleNotHeldError(Accounts.Role role) : MutationError($"The user does not hold {Accounts.RoleNames.NameOf(role)}: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.RoleNotHeld;

    /// <summary>The role that was given.</summary>
    public Accounts.Role Role { get; } = role;
}
