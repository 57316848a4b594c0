namespace Ipp.Graph.Accounts.Entities;

/// <summary>An account (table <c>users</c>).</summary>
public sealed class User
{
    /// <summary>The longest email accepted (RFC 5321's limit on a path).</summary>
    public const int EmailMaxLength = 254;

    public long Id { get; set; }

    /// <summary>The email as the user wrote it (trimmed): what the API shows.</summary>
    public required string Email { get; set; }

    /// <summary>The email in the form accounts are compared by (trimmed, lower case); unique.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The bcrypt hash of the password (<c>$2b$12$…</c>; older <c>$2a$</c> or <c>$2y$</c> hashes verify too).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    public List<UserRole> Roles { get; set; } = [];

    /// <summary>Whether an administrator let the account in (<c>Accounts:RequireApproval</c>); accounts made before it existed are approved.</summary>
    public ApprovalState Approval { get; set; } = ApprovalState.Approved;

    /// <summary>True while an administrator has disabled the account: it cannot sign in.</summary>
    public bool Disabled { get; set; }

    /// <summary>
    /// Counts the changes of what the user holds (roles, approval, disabled), so an instance that remembers the user's
    /// caller can tell an announced change from an older one (<see cref="Accounts.CallerGrants"/>).
    /// </summary>
    public long GrantsVersion { get; set; }

    /// <summary>Whether the user is mailed when an experiment of theirs completes or fails (each experiment may override it).</summary>
    public bool ExperimentMail { get; set; }

    /// <summary>The user's session, when signed in (one at most).</summary>
    public Session? Session { get; set; }
}
