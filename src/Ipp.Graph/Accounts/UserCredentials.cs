using Ipp.Graph.Accounts.AccessTokens;
using Ipp.Graph.Accounts.PasswordReset;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The one place that ends what lets a user in when their password changes or is reset: their sessions (all, or all
/// but the one kept), their personal access tokens and their pending password reset links. Whatever else comes to
/// stand for a user is ended here too, so every change of password ends it.
/// </summary>
public sealed class UserCredentials(ISessionRevocations revocations)
{
    /// <summary>
    /// Deletes the user's credentials but <paramref name="keepSessionId"/>, inside the caller's transaction (one of the
    /// user's writers, <see cref="UserTransactions"/>); what ended, to <see cref="AnnounceAsync"/> once it committed.
    /// </summary>
    public async Task<EndedCredentials> EndAsync(IppDbContext db, long userId, long? keepSessionId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions
            .Where(session => session.UserId == userId && session.Id != keepSessionId)
            .Select(session => new EndedSession(session.Id, session.ExpiresAt))
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(session => session.Id).ToList();
        await db.Sessions.Where(session => ids.Contains(session.Id)).ExecuteDeleteAsync(cancellationToken);
        var tokens = await db.AccessTokens
            .Where(token => token.UserId == userId)
            .Select(token => new EndedSession(token.Id, token.ExpiresAt))
            .ToListAsync(cancellationToken);
        await db.AccessTokens.Where(token => token.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<PasswordResetToken>().Where(token => token.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return new EndedCredentials([.. sessions, .. tokens.Select(token => token with { Id = AccessTokenGrant.CredentialIdOf(token.Id) })]);
    }

    /// <summary>Tells every instance that the sessions and tokens ended (their requests, sockets and streams end with them).</summary>
    public async Task AnnounceAsync(EndedCredentials ended, SessionEndReason reason)
    {
        foreach (var session in ended.Sessions)
        {
            await revocations.RevokeAsync(session.Id, new DateTimeOffset(session.ExpiresAt), reason, CancellationToken.None);
        }
    }
}

/// <summary>What <see cref="UserCredentials.EndAsync"/> ended.</summary>
public sealed record EndedCredentials(IReadOnlyList<EndedSession> Sessions);

/// <summary>A session (or a token, by its credential id) that ended, and when it would have expired (UTC).</summary>
public sealed record EndedSession(long Id, DateTime ExpiresAt);
