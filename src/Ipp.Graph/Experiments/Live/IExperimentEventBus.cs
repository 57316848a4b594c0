using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// How a committed status event reaches the live subscribers of every instance serving the database, once each:
/// in process on SQLite (<see cref="InProcessExperimentEventBus"/>), by PostgreSQL's NOTIFY on PostgreSQL
/// (<see cref="PostgreSqlExperimentEventBus"/>). The events' rows stay the durable record: a subscriber that
/// reconnects, to any instance, reads what it missed from them.
/// </summary>
public interface IExperimentEventBus
{
    /// <summary>
    /// Called in the transaction that records <paramref name="change"/>, after its row is written: an announcement
    /// made here is sent when, and only if, the transaction commits.
    /// </summary>
    Task EnlistAsync(IppDbContext db, ExperimentEvent change, CancellationToken cancellationToken);

    /// <summary>Called once the transaction that recorded <paramref name="change"/> committed.</summary>
    void Committed(ExperimentEvent change);
}
