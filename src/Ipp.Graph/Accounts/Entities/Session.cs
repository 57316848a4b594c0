namespace Ipp.Graph.Accounts.Entities;

/// <summary>
/// A signed-in session (table <c>sessions</c>): at most one per user. Only the SHA-256 of its token is stored,
/// so the database never holds a token that works.
/// </summary>
public sealed class Session
{
    /// <summary>Never reused: a session that ended keeps its identity in the events about it.</summary>
    public long Id { get; set; }

    public long UserId { get; set; }

    public User User { get; set; } = null!;

    /// <summary>SHA-256 of the token (32 bytes); unique.</summary>
    public required byte[] TokenHash { get; set; }

    public DateTime IssuedAt { get; set; }

    /// <summary>When the token stops working: 24 hours (the setting) after <see cref="IssuedAt"/>.</summary>
    public DateTime ExpiresAt { get; set; }
}
