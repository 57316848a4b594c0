namespace Ipp.Graph.Accounts;

/// <summary>
/// How the end of a session (a sign-out, a new sign-in, the expiry) reaches every instance serving the database, so
/// its requests, sockets and streams end wherever they are: in process on SQLite
/// (<see cref="InProcessSessionRevocations"/>), by PostgreSQL's NOTIFY on PostgreSQL
/// (<see cref="PostgreSqlSessionRevocations"/>). The session's row is already gone when it is called.
/// </summary>
public interface ISessionRevocations
{
    Task RevokeAsync(long sessionId, DateTimeOffset expiresAt, SessionEndReason reason, CancellationToken cancellationToken);
}
