namespace Ipp.Graph.Authorization;

/// <summary>
/// Something a caller may do: one kind of object and one kind of access, reading and changing kept apart. The schema's
/// <c>@authorize(policy:)</c> and <c>User.permissions</c> spell each by its name (<see cref="Permissions"/>:
/// <c>experiments:read</c>); <see cref="PermissionTable"/> says who holds which. Those of the tasks, not built yet,
/// are here so the table is whole.
/// </summary>
public enum Permission
{
    /// <summary><c>experiments:read</c>: one's experiments, their files and their changes of status.</summary>
    ExperimentsRead,

    /// <summary><c>experiments:write</c>: creating, submitting and deleting one's experiments.</summary>
    ExperimentsWrite,

    /// <summary>
    /// <c>credentials:manage</c>: creating and revoking one's personal access tokens, changing one's password. Never held through a token
    /// (<see cref="Permissions.SessionOnly"/>): only the interactive session makes or ends credentials.
    /// </summary>
    CredentialsManage,

    /// <summary><c>users:read</c>: every user's account.</summary>
    UsersRead,

    /// <summary><c>users:manage</c>: approving, denying, disabling accounts and ending their sessions.</summary>
    UsersManage,

    /// <summary><c>roles:read</c>: the roles, what each gives, and who holds them.</summary>
    RolesRead,

    /// <summary><c>roles:manage</c>: granting and revoking roles.</summary>
    RolesManage,

    /// <summary><c>groups:read</c>: the groups and their members.</summary>
    GroupsRead,

    /// <summary><c>groups:manage</c>: creating, renaming and deleting groups, and changing their members.</summary>
    GroupsManage,

    /// <summary><c>tags:read</c>: the tags.</summary>
    TagsRead,

    /// <summary><c>tags:write</c>: making, renaming and deleting one's own tags, and tagging one's files and tasks.</summary>
    TagsWrite,

    /// <summary><c>tags:manage</c>: making, renaming and deleting the custom tags (never another user's own).</summary>
    TagsManage,

    /// <summary><c>files:read</c>: one's files and their status.</summary>
    FilesRead,

    /// <summary><c>files:write</c>: uploading, tagging and deleting one's files.</summary>
    FilesWrite,

    /// <summary><c>files:download</c>: downloading one's files.</summary>
    FilesDownload,

    /// <summary><c>images:read</c>: the container images tasks can run.</summary>
    ImagesRead,

    /// <summary><c>images:manage</c>: adding, renaming and deleting container images, and which roles may use them.</summary>
    ImagesManage,

    /// <summary><c>tasks:read</c>: one's tasks and their results.</summary>
    TasksRead,

    /// <summary><c>tasks:write</c>: creating, tagging and deleting one's tasks.</summary>
    TasksWrite,

    /// <summary><c>audit:read</c>: the log of administrative actions.</summary>
    AuditRead,
}
