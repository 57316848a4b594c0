using System.Data;
using Ipp.Graph.Data;
using Ipp.Graph.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Live;

/// <summary>How every change of an experiment's status is recorded: the row and its event, in one transaction.</summary>
public static class ExperimentEvents
{
    /// <summary>
    /// Moves the experiment from <paramref name="from"/> to <paramref name="to"/> only if it still is in
    /// <paramref name="from"/> (<c>UPDATE … WHERE id = @id AND status = @from</c>), and records the event, in one
    /// write transaction (SQLite's <c>BEGIN IMMEDIATE</c>). Of two callers racing to record one change, exactly one
    /// gets the event (to publish once committed); the other gets null, as does a caller whose experiment is gone or
    /// has another status. Coming from <see cref="ExperimentStatus.Staging"/> is a creation: its event has no
    /// previous status.
    /// </summary>
    public static async Task<ExperimentEvent?> TryChangeAsync(
        IppDbContext db, long experimentId, long userId, ExperimentStatus from, ExperimentStatus to, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var changed = await db.Experiments
            .Where(e => e.Id == experimentId && e.UserId == userId && e.Status == from)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, to).SetProperty(e => e.StatusChangedAt, now), cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        var change = AddEvent(db, experimentId, userId, to, from == ExperimentStatus.Staging ? null : from, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ExperimentEventMetrics.OnRecorded(change);
        return change;
    }

    private static ExperimentEvent AddEvent(IppDbContext db, long experimentId, long userId, ExperimentStatus status, ExperimentStatus? previous, DateTime now)
    {
        var change = new ExperimentEvent
        {
            ExperimentId = experimentId,
            UserId = userId,
            Status = status,
            PreviousStatus = previous,
            OccurredAt = now,
        };
        db.ExperimentEvents.Add(change);
        return change;
    }
}
