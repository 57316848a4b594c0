using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Notifications;
using Ipp.Graph.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// How every change of an experiment's status is recorded and announced: the row and its event in one transaction,
/// the announcement on the <see cref="IExperimentEventBus"/> bound to its commit, and the mail the change owes its owner
/// (<see cref="ExperimentMailQueue"/>) decided in the same transaction.
/// </summary>
public sealed class ExperimentEvents(IDbContextFactory<IppDbContext> databases, IExperimentEventBus bus, ExperimentMailQueue mails, TimeProvider clock)
{
    /// <summary>
    /// Moves the experiment from <paramref name="from"/> to <paramref name="to"/> only if it still is in
    /// <paramref name="from"/> (<c>UPDATE … WHERE id = @id AND status = @from</c>), and records the event, in one
    /// transaction of the user's writers (<see cref="UserTransactions"/>), so the user's events commit in the order of
    /// their ids. Of two callers racing to record one change, on one instance or two, exactly one gets the event, which
    /// every instance's subscribers receive once it is committed; the other gets null, as does a caller whose
    /// experiment is gone or has another status. Coming from <see cref="ExperimentStatus.Staging"/> is a creation: its
    /// event has no previous status. <paramref name="reason"/> says why, when known (cut to
    /// <see cref="ExperimentEvent.ReasonMaxLength"/>).
    /// </summary>
    public async Task<ExperimentEvent?> TryChangeAsync(
        long experimentId, long userId, ExperimentStatus from, ExperimentStatus to, CancellationToken cancellationToken, string? reason = null)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        var change = await TryChangeInAsync(db, experimentId, userId, from, to, reason, cancellationToken);
        if (change is null)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        Announce(change);
        return change;
    }

    /// <summary>
    /// <see cref="TryChangeAsync"/> inside the caller's transaction of the user's writers on <paramref name="db"/>,
    /// for a change that must commit with more (an experiment's row and its token for the pool): the caller commits,
    /// then calls <see cref="Announce"/> with the event.
    /// </summary>
    public async Task<ExperimentEvent?> TryChangeInAsync(
        IppDbContext db, long experimentId, long userId, ExperimentStatus from, ExperimentStatus to, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.UtcNowToMillisecond();
        var changed = await db.Experiments
            .Where(e => e.Id == experimentId && e.UserId == userId && e.Status == from)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, to).SetProperty(e => e.StatusChangedAt, now), cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        var change = new ExperimentEvent
        {
            ExperimentId = experimentId,
            UserId = userId,
            Status = to,
            PreviousStatus = from == ExperimentStatus.Staging ? null : from,
            OccurredAt = now,
            Reason = reason is { Length: > ExperimentEvent.ReasonMaxLength } ? reason[..ExperimentEvent.ReasonMaxLength] : reason,
        };
        db.ExperimentEvents.Add(change);
        await mails.AddIfOwedAsync(db, change, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await bus.EnlistAsync(db, change, cancellationToken);
        return change;
    }

    /// <summary>Announces an event <see cref="TryChangeInAsync"/> recorded, once its transaction committed.</summary>
    public void Announce(ExperimentEvent change)
    {
        ExperimentEventMetrics.OnRecorded(change);
        bus.Committed(change);
        mails.Committed(change);
    }
}
