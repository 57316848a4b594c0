using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Errors;

/// <summary>The user holds the role already (<c>ROLE_ALREADY_HELD</c>).</summary>
public sealed class RoleAlreadyHeldError(Accounts.Role role) : MutationError($"The user holds {Accounts.RoleNames.NameOf(role)} already: nothing changed.")
{
    public override string Code => AdministrationErrorCodes.RoleAlreadyHeld;

    /// <summary>The role that was given.</summary>
    public Accounts.Role Role { get; } = role;
}
