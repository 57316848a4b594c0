namespace Ipp.Graph.Experiments.InFlight;

/// <summary>
/// The experiments being created, submitted or deleted right now, on any instance serving the database. Their rows
/// and folders are between two states on purpose: the folder sync and the recovery at start leave them alone, and a
/// second writer of the same experiment, here or on another instance, waits until the first is done. In process on
/// SQLite (<see cref="InProcessExperimentsInFlight"/>), by PostgreSQL's advisory locks on PostgreSQL
/// (<see cref="PostgreSqlExperimentsInFlight"/>), which a crashed instance's connection takes with it.
/// </summary>
public interface IExperimentsInFlight
{
    /// <summary>
    /// Waits until no writer works on the experiment, then marks it as worked on by the caller until the returned
    /// value is disposed.
    /// </summary>
    Task<IAsyncDisposable> BeginAsync(long experimentId, CancellationToken cancellationToken);

    /// <summary>True when a writer, on any instance, works on the experiment now.</summary>
    Task<bool> IsInFlightAsync(long experimentId, CancellationToken cancellationToken);
}
