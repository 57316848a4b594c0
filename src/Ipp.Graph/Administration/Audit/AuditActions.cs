namespace Ipp.Graph.Administration.Audit;

/// <summary>The names of the actions the audit log records (<c>AuditEntry.action</c>), one per administrative change.</summary>
public static class AuditActions
{
    public const string ApproveUser = "user.approve";

    public const string DenyUser = "user.deny";

    public const string DisableUser = "user.disable";

    public const string EnableUser = "user.enable";

    public const string EndUserSession = "user.end-session";

    /// <summary>Details: <c>{"role": "ADMIN"}</c>.</summary>
    public const string GrantRole = "role.grant";

    /// <summary>Details: <c>{"role": "ADMIN"}</c>.</summary>
    public const string RevokeRole = "role.revoke";

    public const string CreateGroup = "group.create";

    /// <summary>Details: <c>{"oldName": "Readers"}</c> (the target's label is the new name).</summary>
    public const string RenameGroup = "group.rename";

    /// <summary>Details: <c>{"userIds": [...]}</c>, the global ids of the members it had.</summary>
    public const string DeleteGroup = "group.delete";

    /// <summary>Details: <c>{"userIds": [...]}</c>, the global ids of the users added.</summary>
    public const string AddGroupMembers = "group.add-members";

    /// <summary>Details: <c>{"userIds": [...]}</c>, the global ids of the users removed.</summary>
    public const string RemoveGroupMembers = "group.remove-members";
}
