using Ipp.Graph.Data;

namespace Ipp.Graph.Accounts;

/// <summary>
/// How a change of a user's grants (roles, approval) reaches every instance serving the database, so the user's next
/// request holds them wherever it arrives: in process on SQLite (<see cref="InProcessGrantAnnouncements"/>), by
/// PostgreSQL's NOTIFY on PostgreSQL (<see cref="PostgreSqlGrantAnnouncements"/>), into each instance's
/// <see cref="CallerGrants"/>.
/// </summary>
public interface IGrantAnnouncements
{
    /// <summary>Called in the transaction that changes the grants, after the change: an announcement made here is sent when the transaction commits.</summary>
    Task EnlistAsync(IppDbContext db, long userId, UserGrants grants, CancellationToken cancellationToken);

    /// <summary>Called once that transaction committed.</summary>
    void Committed(long userId, UserGrants grants);
}
