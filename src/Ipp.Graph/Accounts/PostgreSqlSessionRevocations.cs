using System.Text.Json;
using System.Text.Json.Serialization;
using Ipp.Graph.Accounts.AccessTokens;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The revocations of instances sharing a PostgreSQL database: a session's end is applied here at once and NOTIFYed
/// on the channel <c>ipp_session_endings</c> to every instance, each of which ends it in its own
/// <see cref="SessionEndings"/> (which the remembered callers, sockets and streams consult).
/// </summary>
public sealed class PostgreSqlSessionRevocations(
    SessionEndings endings, RememberedCallers remembered, IDbContextFactory<IppDbContext> databases, TimeProvider clock)
    : ISessionRevocations, IPostgreSqlChannel
{
    public string Name => "ipp_session_endings";

    public async Task RevokeAsync(long sessionId, DateTimeOffset expiresAt, SessionEndReason reason, CancellationToken cancellationToken)
    {
        endings.End(sessionId, expiresAt, reason);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var payload = JsonSerializer.Serialize(new Ending(sessionId, expiresAt, reason), EndingJson.Default.Ending);
        await PostgreSqlNotifications.NotifyAsync(db, Name, payload, cancellationToken);
    }

    public void Receive(string payload)
    {
        var ending = JsonSerializer.Deserialize(payload, EndingJson.Default.Ending) ?? throw new JsonException("A session ending announcement was null.");
        endings.End(ending.SessionId, ending.ExpiresAt, ending.Reason);
    }

    /// <summary>
    /// Ends every session someone here waits on whose row is gone (told as expired when past its expiry, else as
    /// signed out, or revoked for a personal access token: which end it was is not known), and forgets the remembered callers, whose next request reads
    /// their session again.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        remembered.ForgetAll();
        var open = endings.OpenSessions();
        if (open.Count == 0)
        {
            return;
        }

        var ids = open.Keys.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var live = (await db.Sessions.Where(session => ids.Contains(session.Id)).Select(session => session.Id).ToListAsync(cancellationToken)).ToHashSet();
        // Personal access tokens wait here under their credential ids (AccessTokenGrant): theirs are the negative ones.
        var tokenIds = ids.Where(AccessTokenGrant.IsAccessToken).Select(AccessTokenGrant.TokenIdOf).ToList();
        if (tokenIds.Count > 0)
        {
            live.UnionWith(await db.AccessTokens.Where(token => tokenIds.Contains(token.Id)).Select(token => -token.Id).ToListAsync(cancellationToken));
        }

        var now = clock.GetUtcNow();
        foreach (var (sessionId, expiresAt) in open)
        {
            if (!live.Contains(sessionId))
            {
                endings.End(
                    sessionId,
                    expiresAt,
                    expiresAt <= now ? SessionEndReason.Expired : AccessTokenGrant.IsAccessToken(sessionId) ? SessionEndReason.Revoked : SessionEndReason.LoggedOut);
            }
        }
    }

    internal sealed record Ending(long SessionId, DateTimeOffset ExpiresAt, SessionEndReason Reason);
}

[JsonSerializable(typeof(PostgreSqlSessionRevocations.Ending))]
internal sealed partial class EndingJson : JsonSerializerContext;
