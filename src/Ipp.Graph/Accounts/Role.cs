namespace Ipp.Graph.Accounts;

/// <summary>What a user may do (the <c>Role</c> enum of the schema). Stored by its schema name.</summary>
public enum Role
{
    /// <summary>Manages users and the portal.</summary>
    Admin,

    /// <summary>Submits experiments and sees their results; every user has it.</summary>
    Researcher,
}

/// <summary>The stored names of roles.</summary>
public static class RoleNames
{
    public const string Admin = "ADMIN";

    public const string Researcher = "RESEARCHER";

    public static string NameOf(Role role) => role == Role.Admin ? Admin : Researcher;

    /// <summary>The role a stored name names; false for a name this version does not know.</summary>
    public static bool TryParse(string name, out Role role)
    {
        switch (name)
        {
            case Admin:
                role = Role.Admin;
                return true;
            case Researcher:
                role = Role.Researcher;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
