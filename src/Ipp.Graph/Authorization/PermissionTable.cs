using Ipp.Graph.Accounts;

namespace Ipp.Graph.Authorization;

/// <summary>
/// Who holds which permission: those every signed-in user holds, and those each role adds. <see cref="Default"/> is
/// TrainMate's table with IPP's experiments for everyone (docs/authorization.md); the <c>Permissions</c> settings may
/// replace any line of it (<see cref="PermissionSettings"/>).
/// </summary>
public sealed class PermissionTable
{
    /// <summary>
    /// Every signed-in user runs experiments on the applications they see, as in IPP: no role needed; and makes
    /// personal access tokens for their scripts.
    /// </summary>
    private static readonly PermissionSet DefaultSignedIn = PermissionSet.Of(Permission.ExperimentsRead, Permission.ExperimentsWrite, Permission.CredentialsManage);

    private static readonly Dictionary<Role, PermissionSet> DefaultRoles = new()
    {
        // TrainMate: users/admin, roles/admin, tags/admin, roles; and IPP's groups, and the log of what they do.
        [Role.Admin] = PermissionSet.Of(
            Permission.UsersRead, Permission.UsersManage, Permission.RolesRead, Permission.RolesManage,
            Permission.GroupsRead, Permission.GroupsManage, Permission.TagsRead, Permission.TagsManage, Permission.AuditRead),

        // TrainMate: tasks, tags, files (upload, download, status), and the images tasks run.
        [Role.DataEngineer] = PermissionSet.Of(
            Permission.TasksRead, Permission.TasksWrite, Permission.TagsRead, Permission.TagsWrite,
            Permission.FilesRead, Permission.FilesWrite, Permission.FilesDownload, Permission.ImagesRead),

        // TrainMate: the same but downloading files.
        [Role.AiResearcher] = PermissionSet.Of(
            Permission.TasksRead, Permission.TasksWrite, Permission.TagsRead, Permission.TagsWrite,
            Permission.FilesRead, Permission.FilesWrite, Permission.ImagesRead),

        // TrainMate: images, roles (seeing them).
        [Role.Maintainer] = PermissionSet.Of(Permission.ImagesRead, Permission.ImagesManage, Permission.RolesRead),
    };

    // What a caller holds, by the set of roles they hold (one bit per role, its value), made once.
    private readonly PermissionSet[] _byRoles;

    public PermissionTable(PermissionSet signedIn, IReadOnlyDictionary<Role, PermissionSet> roles)
    {
        SignedIn = signedIn;
        Roles = RoleNames.All.ToDictionary(role => role, role => roles.GetValueOrDefault(role));
        _byRoles = new PermissionSet[1 << RoleNames.All.Count];
        for (var held = 0; held < _byRoles.Length; held++)
        {
            var permissions = signedIn;
            for (var i = 0; i < RoleNames.All.Count; i++)
            {
                if ((held & (1 << (int)RoleNames.All[i])) != 0)
                {
                    permissions = permissions.Union(Roles[RoleNames.All[i]]);
                }
            }

            _byRoles[held] = permissions;
        }
    }

    /// <summary>The built-in table.</summary>
    public static PermissionTable Default { get; } = new(DefaultSignedIn, DefaultRoles);

    /// <summary>The permissions of the built-in table every signed-in user holds.</summary>
    public static PermissionSet DefaultForSignedIn => DefaultSignedIn;

    /// <summary>The permissions of the built-in table a role gives.</summary>
    public static PermissionSet DefaultFor(Role role) => DefaultRoles[role];

    /// <summary>What every signed-in user holds, whatever their roles.</summary>
    public PermissionSet SignedIn { get; }

    /// <summary>What each role gives besides <see cref="SignedIn"/>, for every role.</summary>
    public IReadOnlyDictionary<Role, PermissionSet> Roles { get; }

    /// <summary>What a signed-in user holding <paramref name="roles"/> may do.</summary>
    public PermissionSet Of(IReadOnlyList<Role> roles)
    {
        var held = 0;
        for (var i = 0; i < roles.Count; i++)
        {
            held |= 1 << (int)roles[i];
        }

        return _byRoles[held];
    }
}
