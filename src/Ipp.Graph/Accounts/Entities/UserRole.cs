namespace Ipp.Graph.Accounts.Entities;

/// <summary>One role a user holds (table <c>user_roles</c>): the role's name as the API spells it, e.g. <c>ADMIN</c>.</summary>
public sealed class UserRole
{
    public long UserId { get; set; }

    public required string Role { get; set; }
}
