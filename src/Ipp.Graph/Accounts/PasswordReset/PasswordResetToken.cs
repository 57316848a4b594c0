namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>
/// A pending password reset (table <c>password_reset_tokens</c>): at most one per user, a new request replacing it.
/// Only the SHA-256 of the link's token is stored; the row is deleted when the token is used.
/// </summary>
public sealed class PasswordResetToken
{
    public long UserId { get; set; }

    /// <summary>SHA-256 of the token (32 bytes); unique.</summary>
    public required byte[] TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the token stops working: the setting <c>Accounts:PasswordReset:Lifetime</c> after <see cref="CreatedAt"/>.</summary>
    public DateTime ExpiresAt { get; set; }
}
