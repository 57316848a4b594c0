using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// What becomes of a job that runs on after its experiment was cancelled (neither the folder contract nor the pool can
/// stop one). Its end changes no status, sends no mail and is not announced as COMPLETED or FAILED: it is noted once,
/// as an event that stays CANCELLED (<c>CANCELLED → CANCELLED</c>, its reason saying how the job ended), which the
/// experiment's history and its subscribers show. Whether the job still runs decides whether the experiment may be
/// retried or deleted: for the folder contract its folder still in <c>submitted</c> or <c>running</c>; for the pool its
/// token still there (not withdrawn by the cancel) with no end noted since.
/// </summary>
public sealed class CancelledJobs(IDbContextFactory<IppDbContext> databases, UploadFolder uploads, IExperimentEventBus bus, ExperimentEvents events, TimeProvider clock)
{
    /// <summary>The start of every note's reason.</summary>
    public const string EndedReason = "the job ended after it was cancelled: ";

    /// <summary>
    /// Notes that the cancelled experiment's job ended (<paramref name="how"/>: the namespace its folder went to, the
    /// token's exit code) unless it is not CANCELLED or its job's end was noted since it was cancelled: of two callers
    /// racing (the watcher and the scan, two instances) one notes it, in a transaction of the user's writers. True when
    /// this call noted it.
    /// </summary>
    public async Task<bool> NoteEndAsync(long experimentId, long userId, string how, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        var cancelled = await db.Experiments.AnyAsync(e => e.Id == experimentId && e.UserId == userId && e.Status == ExperimentStatus.Cancelled, cancellationToken);
        if (!cancelled || await EndNotedAsync(db, experimentId, cancellationToken))
        {
            return false;
        }

        var note = new ExperimentEvent
        {
            ExperimentId = experimentId,
            UserId = userId,
            Status = ExperimentStatus.Cancelled,
            PreviousStatus = ExperimentStatus.Cancelled,
            OccurredAt = clock.UtcNowToMillisecond(),
            Reason = EndedReason + how,
        };
        db.ExperimentEvents.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        await bus.EnlistAsync(db, note, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Announce(note);
        return true;
    }

    /// <summary>
    /// Whether the job of a CANCELLED experiment may still be running, so that it can be neither retried nor deleted
    /// yet; false for an experiment in any other status.
    /// </summary>
    public async Task<bool> StillRunsAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        if (experiment.Status != ExperimentStatus.Cancelled)
        {
            return false;
        }

        if (experiment.TokenId is null)
        {
            return uploads.StatusOnDisk(experiment.UserId, experiment.Id) is ExperimentStatus.Submitted or ExperimentStatus.Running;
        }

        if (experiment.TokenState != ExperimentTokenState.InPool)
        {
            return false; // Withdrawn by the cancel: no token left to run.
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return !await EndNotedAsync(db, experiment.Id, cancellationToken);
    }

    /// <summary>
    /// The experiments of <paramref name="experiments"/> whose job waits or runs on the token pool, in SQL: SUBMITTED,
    /// RUNNING, or CANCELLED with its token in the pool and no end noted since (an experiment's last event is the
    /// noted end until it is retried, as <see cref="StillRunsAsync"/> decides one at a time).
    /// </summary>
    public static IQueryable<Experiment> WaitingOrRunning(IppDbContext db, IQueryable<Experiment> experiments) =>
        experiments.Where(e =>
            e.Status == ExperimentStatus.Submitted
            || e.Status == ExperimentStatus.Running
            || (e.Status == ExperimentStatus.Cancelled
                && e.TokenState == ExperimentTokenState.InPool
                && db.ExperimentEvents.Where(ev => ev.ExperimentId == e.Id).OrderByDescending(ev => ev.Id).Select(ev => ev.PreviousStatus).FirstOrDefault()
                    != ExperimentStatus.Cancelled));

    /// <summary>Whether an end was noted after the experiment's latest change to CANCELLED.</summary>
    private static async Task<bool> EndNotedAsync(IppDbContext db, long experimentId, CancellationToken cancellationToken)
    {
        var cancelledAt = await db.ExperimentEvents
            .Where(e => e.ExperimentId == experimentId && e.Status == ExperimentStatus.Cancelled && e.PreviousStatus != ExperimentStatus.Cancelled)
            .MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        return await db.ExperimentEvents.AnyAsync(
            e => e.ExperimentId == experimentId && e.Id > cancelledAt && e.Status == ExperimentStatus.Cancelled && e.PreviousStatus == ExperimentStatus.Cancelled,
            cancellationToken);
    }
}
