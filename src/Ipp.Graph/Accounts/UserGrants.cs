namespace Ipp.Graph.Accounts;

/// <summary>
/// What a user holds that decides their permissions: their roles and approval state, at the version
/// (<see cref="Entities.User.GrantsVersion"/>) a change gave them.
/// </summary>
public sealed record UserGrants(long Version, IReadOnlyList<Role> Roles, ApprovalState Approval);
