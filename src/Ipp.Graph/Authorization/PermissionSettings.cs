using Ipp.Graph.Accounts;

namespace Ipp.Graph.Authorization;

/// <summary>
/// The <c>Permissions</c> settings: lines of <see cref="PermissionTable.Default"/> replaced, each by a whole list of
/// permission names. A line not given (or given as an empty list, as appsettings.json shows the shape) keeps the
/// built-in one; an empty name in a list stands for nothing, so a list of one empty name takes every permission away
/// (<c>--Permissions:Roles:MAINTAINER:0=</c>).
/// </summary>
public sealed class PermissionSettings
{
    /// <summary>The settings section.</summary>
    public const string Section = "Permissions";

    /// <summary>What every signed-in user holds; not given: experiments:read, experiments:write and credentials:manage.</summary>
    public string[]? SignedIn { get; set; }

    /// <summary>What a role gives, by the role's name (<c>DATA_ENGINEER</c>); a role not given keeps its built-in list.</summary>
    public Dictionary<string, string[]> Roles { get; set; } = [];

    /// <summary>The table these settings make; throws, naming each unknown role or permission, when they name one.</summary>
    public PermissionTable ToTable()
    {
        var problems = new List<string>();
        var signedIn = SignedIn is null or [] ? PermissionTable.DefaultForSignedIn : Parse($"{Section}:SignedIn", SignedIn, problems);
        var roles = RoleNames.All.ToDictionary(role => role, PermissionTable.DefaultFor);
        foreach (var (name, permissions) in Roles)
        {
            if (!RoleNames.TryParse(name, out var role))
            {
                problems.Add($"{Section}:Roles:{name} names no role; the roles are {string.Join(", ", RoleNames.All.Select(RoleNames.NameOf))}.");
            }
            else if (permissions is { Length: > 0 })
            {
                roles[role] = Parse($"{Section}:Roles:{name}", permissions, problems);
            }
        }

        return problems.Count == 0
            ? new PermissionTable(signedIn, roles)
            : throw new InvalidOperationException(string.Join(" ", problems));
    }

    private static PermissionSet Parse(string setting, string?[] names, List<string> problems)
    {
        var permissions = PermissionSet.Empty;
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (Permissions.TryParse(name, out var permission))
            {
                permissions = permissions.Union(PermissionSet.Of(permission));
            }
            else
            {
                problems.Add($"{setting} names \"{name}\", which is no permission; the permissions are {string.Join(", ", Permissions.All.Select(Permissions.NameOf))}.");
            }
        }

        return permissions;
    }
}
