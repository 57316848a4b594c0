namespace Ipp.Graph.Accounts;

/// <summary>
/// A role a user may hold (the <c>Role</c> enum of the schema), TrainMate's four: a user holds any number of them,
/// possibly none. What each lets its holders do is <see cref="Authorization.PermissionTable"/>'s (docs/authorization.md);
/// running experiments needs none. Stored by its schema name (<see cref="RoleNames"/>) in <c>user_roles</c>.
/// </summary>
public enum Role
{
    /// <summary>Manages users, roles, groups and tags.</summary>
    Admin,

    /// <summary>Works with tasks, tags and files, and downloads files.</summary>
    DataEngineer,

    /// <summary>Works with tasks, tags and files, without downloading files.</summary>
    AiResearcher,

    /// <summary>Manages container images and sees the roles.</summary>
    Maintainer,
}

/// <summary>The stored names of roles: the schema's spelling of each.</summary>
public static class RoleNames
{
    public const string Admin = "ADMIN";

    public const string DataEngineer = "DATA_ENGINEER";

    public const string AiResearcher = "AI_RESEARCHER";

    public const string Maintainer = "MAINTAINER";

    /// <summary>Every role, in the schema's order.</summary>
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string NameOf(Role role) => role switch
    {
        Role.Admin => Admin,
        Role.DataEngineer => DataEngineer,
        Role.AiResearcher => AiResearcher,
        Role.Maintainer => Maintainer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No such role."),
    };

    /// <summary>The role a stored name names; false for a name this version does not know.</summary>
    public static bool TryParse(string name, out Role role)
    {
        foreach (var candidate in All)
        {
            if (NameOf(candidate) == name)
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>The roles stored names name, each once, in the schema's order; names this version does not know are left out.</summary>
    public static IReadOnlyList<Role> ParseAll(IEnumerable<string> names)
    {
        var roles = new List<Role>(All.Count);
        foreach (var name in names)
        {
            if (TryParse(name, out var role) && !roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        roles.Sort();
        return roles;
    }
}
