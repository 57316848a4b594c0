namespace Ipp.Graph.Authorization;

/// <summary>
/// Each <see cref="Permission"/>'s name (what the schema and clients see) and reach (whose objects it lets its holder
/// touch): the permissions as data, in one table.
/// </summary>
public static class Permissions
{
    private static readonly (Permission Permission, string Name, Reach Reach)[] Definitions =
    [
        (Permission.ExperimentsRead, "experiments:read", Reach.Own),
        (Permission.ExperimentsWrite, "experiments:write", Reach.Own),
        (Permission.CredentialsManage, "credentials:manage", Reach.Own),
        (Permission.UsersRead, "users:read", Reach.All),
        (Permission.UsersManage, "users:manage", Reach.All),
        (Permission.RolesRead, "roles:read", Reach.All),
        (Permission.RolesManage, "roles:manage", Reach.All),
        (Permission.GroupsRead, "groups:read", Reach.All),
        (Permission.GroupsManage, "groups:manage", Reach.All),
        (Permission.TagsRead, "tags:read", Reach.All),
        (Permission.TagsWrite, "tags:write", Reach.Own),
        (Permission.TagsManage, "tags:manage", Reach.All),
        (Permission.FilesRead, "files:read", Reach.Own),
        (Permission.FilesWrite, "files:write", Reach.Own),
        (Permission.FilesDownload, "files:download", Reach.Own),
        (Permission.ImagesRead, "images:read", Reach.All),
        (Permission.ImagesManage, "images:manage", Reach.All),
        (Permission.TasksRead, "tasks:read", Reach.Own),
        (Permission.TasksWrite, "tasks:write", Reach.Own),
        (Permission.AuditRead, "audit:read", Reach.All),
    ];

    private static readonly Dictionary<string, Permission> ByName = Definitions.ToDictionary(d => d.Name, d => d.Permission, StringComparer.Ordinal);

    /// <summary>Every permission, in the order of <see cref="Permission"/>.</summary>
    public static IReadOnlyList<Permission> All { get; } = Enum.GetValues<Permission>();

    /// <summary>
    /// What a read-only personal access token keeps of its user's permissions: every <c>…:read</c>, and
    /// <c>files:download</c>, which changes nothing either.
    /// </summary>
    public static PermissionSet Reading { get; } =
        PermissionSet.Of([.. Definitions.Where(d => d.Name.EndsWith(":read", StringComparison.Ordinal) || d.Permission == Permission.FilesDownload).Select(d => d.Permission)]);

    /// <summary>
    /// What no personal access token holds, whatever its user holds: the permissions that make or end credentials,
    /// which need the interactive session (a leaked token cannot make itself a successor).
    /// </summary>
    public static PermissionSet SessionOnly { get; } = PermissionSet.Of(Permission.CredentialsManage);

    /// <summary>The permission's name: <c>experiments:read</c>.</summary>
    public static string NameOf(Permission permission) => Definitions[(int)permission].Name;

    /// <summary>Whose objects the permission lets its holder touch.</summary>
    public static Reach ReachOf(Permission permission) => Definitions[(int)permission].Reach;

    /// <summary>The permission of this name (as written: <c>experiments:read</c>); false for any other text.</summary>
    public static bool TryParse(string name, out Permission permission) => ByName.TryGetValue(name, out permission);
}
