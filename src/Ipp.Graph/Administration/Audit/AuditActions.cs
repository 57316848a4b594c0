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
}
