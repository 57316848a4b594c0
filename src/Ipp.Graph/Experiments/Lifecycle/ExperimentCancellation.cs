using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Lifecycle.Errors;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// <c>cancelExperiment</c>'s work, on both routes, for one experiment: callable per item by a bulk mutation. A waiting
/// experiment is withdrawn before the backend takes it; a running one is recorded as CANCELLED while its job goes on
/// (neither route can stop it), and what the job does afterwards is kept apart (<see cref="CancelledJobs"/>).
/// <para>
/// Folder contract: one rename of <c>submitted/&lt;eid&gt;</c> to <c>cancelled/&lt;eid&gt;</c> races the backend's own
/// rename to <c>running/</c>; the first wins (<see cref="FolderMoves.TryMove"/>). When the server lost, the job runs:
/// the running case. The experiment is marked in flight (<see cref="IExperimentsInFlight"/>) meanwhile, so
/// <see cref="FolderStatusSync"/> leaves the move to this class, which records it. The pool: <see cref="PoolTokens"/>.
/// </para>
/// </summary>
public sealed class ExperimentCancellation(
    ExperimentAccess access, UploadFolder uploads, ExperimentEvents events, IExperimentsInFlight inFlight, PoolTokens tokens, ILogger<ExperimentCancellation> logger)
{
    /// <summary>How often a cancel starts again when another writer recorded the backend's move meanwhile.</summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// Cancels the caller's experiment <paramref name="id"/> (a global id) and gives it as it is after; a
    /// <see cref="MutationException"/> with EXPERIMENT_NOT_FOUND (another user's, gone) or EXPERIMENT_NOT_CANCELLABLE
    /// (not SUBMITTED or RUNNING), nothing changed.
    /// </summary>
    public async Task<Experiment> CancelAsync(SignedInCaller caller, string id, CancellationToken cancellationToken)
    {
        var experimentId = LifecycleIds.Decode(id);
        await using var working = await inFlight.BeginAsync(experimentId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var experiment = await access.FindAsync(experimentId, caller, Permission.ExperimentsWrite, cancellationToken)
                ?? throw LifecycleIds.NotFound(id);
            if (experiment.Status is not (ExperimentStatus.Submitted or ExperimentStatus.Running))
            {
                throw new MutationException(new ExperimentNotCancellableError(experiment.Status));
            }

            try
            {
                return await CancelAsync(caller, experiment, cancellationToken);
            }
            catch (MutationException raced) when (attempt < MaxAttempts && raced.Error is ExperimentNotCancellableError { Status: ExperimentStatus.Submitted or ExperimentStatus.Running })
            {
                // The folder sync or the token's observer recorded the backend's move (SUBMITTED to RUNNING) after this
                // cancel read the row: cancel again from where it is now.
            }
        }
    }

    /// <summary>Cancels <paramref name="experiment"/> as read, on its route.</summary>
    private async Task<Experiment> CancelAsync(SignedInCaller caller, Experiment experiment, CancellationToken cancellationToken)
    {
        if (experiment.TokenId is not null)
        {
            await tokens.CancelAsync(caller, experiment, cancellationToken);
            return experiment;
        }

        return await FolderMoves.RecordAsync(experiment, () => CancelFolderAsync(caller, experiment), logger);
    }

    /// <summary>The folder contract's cancel: the rename when the experiment waits, else (or when the backend was first) the running case.</summary>
    private async Task<ExperimentEvent> CancelFolderAsync(SignedInCaller caller, Experiment experiment)
    {
        var (userId, experimentId) = (experiment.UserId, experiment.Id);
        if (experiment.Status == ExperimentStatus.Submitted)
        {
            var submitted = uploads.ExperimentPath(userId, ExperimentStatus.Submitted, experimentId);
            var cancelled = uploads.ExperimentPath(userId, ExperimentStatus.Cancelled, experimentId);
            var won = false;
            await BlockingFileWork.RunAsync(() =>
            {
                DurableDirectory.Create(uploads.NamespacePath(userId, ExperimentStatus.Cancelled));
                won = FolderMoves.TryMove(submitted, cancelled);
            });
            if (won)
            {
                return await FolderMoves.RecordOrMoveBackAsync(
                    () => events.TryChangeAsync(
                        experimentId, userId, experiment.Status, ExperimentStatus.Cancelled, CancellationToken.None, LifecycleReasons.Cancelled(caller)),
                    cancelled,
                    submitted,
                    () => new MutationException(new ExperimentNotCancellableError(experiment.Status)));
            }
        }

        // The backend has the job: it took the folder first, or had it already. What it did since decides.
        var onDisk = uploads.StatusOnDisk(userId, experimentId);
        if (onDisk is not (ExperimentStatus.Submitted or ExperimentStatus.Running))
        {
            // It ended (the folder sync records that once this cancel lets go), or the folder is gone.
            throw new MutationException(new ExperimentNotCancellableError(onDisk ?? experiment.Status));
        }

        return await events.TryChangeAsync(
                experimentId, userId, experiment.Status, ExperimentStatus.Cancelled, CancellationToken.None, LifecycleReasons.CancelledWhileRunning(caller))
            ?? throw new MutationException(new ExperimentNotCancellableError(experiment.Status));
    }
}
