namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// A personal access token (table <c>access_tokens</c>): a credential a user made for a script or notebook. Only the
/// SHA-256 of its text is stored, so the database never holds a token that works. Revoking deletes the row; an
/// expired one stays (it no longer works, and is not listed) until its user makes a new token.
/// </summary>
public sealed class PersonalAccessToken
{
    /// <summary>Never reused: a revoked token's id stays revoked on every instance (<see cref="AccessTokenGrant.CredentialId"/>).</summary>
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>The user's name for it (<see cref="AccessTokenNames"/>); unique among the user's tokens.</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the token's text (32 bytes); unique.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>True when the token holds only its user's reading permissions.</summary>
    public bool ReadOnly { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the token stops working, as its user chose (at most <c>AccessTokens:MaxLifetime</c> after creation).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the token was last used, to within <c>AccessTokens:LastUsedPrecision</c>; null when never.</summary>
    public DateTime? LastUsedAt { get; set; }
}
