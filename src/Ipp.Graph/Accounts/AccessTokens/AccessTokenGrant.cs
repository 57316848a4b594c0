namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// The personal access token a caller came with (<see cref="SignedInCaller.AccessToken"/>): which one, and whether it
/// is limited to reading. The <see cref="Authorization.AccessPolicy"/> narrows the caller's permissions by it.
/// </summary>
public sealed record AccessTokenGrant(long TokenId, bool ReadOnly)
{
    /// <summary>
    /// The token's id among the ids of sessions (<see cref="SignedInCaller.SessionId"/>): its own id negated. Session ids
    /// are positive, so one <see cref="SessionEndings"/>, one <see cref="ISessionRevocations"/> and one
    /// <see cref="SessionLifetimes"/> carry the ends of both, on every instance, and what waits on a caller's credential
    /// (a WebSocket, an SSE stream, <c>sessionEnded</c>) ends with a revoked or expired token as with a session.
    /// </summary>
    public long CredentialId => CredentialIdOf(TokenId);

    /// <summary>The credential id of the token <paramref name="tokenId"/>.</summary>
    public static long CredentialIdOf(long tokenId) => -tokenId;

    /// <summary>True when a credential id names a personal access token, not a session.</summary>
    public static bool IsAccessToken(long credentialId) => credentialId < 0;

    /// <summary>The token id a credential id of a token names.</summary>
    public static long TokenIdOf(long credentialId) => -credentialId;
}
