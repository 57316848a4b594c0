using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Lifecycle.Errors;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// <c>retryExperiment</c>'s work, on both routes, for one experiment: callable per item by a bulk mutation. A FAILED
/// experiment, or a CANCELLED one whose job no longer runs (<see cref="CancelledJobs.StillRunsAsync"/>; else
/// EXPERIMENT_BUSY), is SUBMITTED again with the same inputs and parameters. Folder contract: its folder renamed back
/// into <c>submitted/</c> from wherever the last run left it (<c>failed/</c>, <c>cancelled/</c>, or <c>completed/</c>
/// for a job that ended after its cancel), as it is: what the earlier run wrote stays in it, for the backend to
/// overwrite or clear (docs/ARCHITECTURE.md, "The folder contract"). The pool: <see cref="PoolTokens.RetryAsync"/>.
/// The experiment is marked in flight meanwhile, so of two retries at once the second finds it SUBMITTED.
/// </summary>
public sealed class ExperimentRetry(
    ExperimentAccess access, UploadFolder uploads, ExperimentEvents events, IExperimentsInFlight inFlight, CancelledJobs cancelled, PoolTokens tokens, ILogger<ExperimentRetry> logger)
{
    /// <summary>
    /// Retries the caller's experiment <paramref name="id"/> (a global id) and gives it as it is after; a
    /// <see cref="MutationException"/> with EXPERIMENT_NOT_FOUND, EXPERIMENT_NOT_RETRYABLE (not FAILED or CANCELLED) or
    /// EXPERIMENT_BUSY (a CANCELLED one whose job still runs), nothing changed.
    /// </summary>
    public async Task<Experiment> RetryAsync(SignedInCaller caller, string id, CancellationToken cancellationToken)
    {
        var experimentId = LifecycleIds.Decode(id);
        await using var working = await inFlight.BeginAsync(experimentId, cancellationToken);
        var experiment = await access.FindAsync(experimentId, caller, Permission.ExperimentsWrite, cancellationToken)
            ?? throw LifecycleIds.NotFound(id);
        if (experiment.Status is not (ExperimentStatus.Failed or ExperimentStatus.Cancelled))
        {
            throw new MutationException(new ExperimentNotRetryableError(experiment.Status));
        }

        if (await cancelled.StillRunsAsync(experiment, cancellationToken))
        {
            throw new MutationException(ExperimentBusyError.JobStillRuns("retried"));
        }

        if (experiment.TokenId is not null)
        {
            await tokens.RetryAsync(caller, experiment, cancellationToken);
            return experiment;
        }

        return await FolderMoves.RecordAsync(experiment, () => RetryFolderAsync(caller, experiment), logger);
    }

    private async Task<ExperimentEvent> RetryFolderAsync(SignedInCaller caller, Experiment experiment)
    {
        var (userId, experimentId) = (experiment.UserId, experiment.Id);
        if (uploads.StatusOnDisk(userId, experimentId) is not ({ } onDisk and (ExperimentStatus.Failed or ExperimentStatus.Cancelled or ExperimentStatus.Completed)))
        {
            // The folder is gone, or somewhere no retry starts from: nothing to submit.
            throw new MutationException(new ExperimentNotRetryableError(experiment.Status));
        }

        var from = uploads.ExperimentPath(userId, onDisk, experimentId);
        var submitted = uploads.ExperimentPath(userId, ExperimentStatus.Submitted, experimentId);
        var moved = false;
        await BlockingFileWork.RunAsync(() =>
        {
            DurableDirectory.Create(uploads.NamespacePath(userId, ExperimentStatus.Submitted));
            moved = FolderMoves.TryMove(from, submitted);
        });
        if (!moved)
        {
            throw new MutationException(new ExperimentNotRetryableError(experiment.Status));
        }

        return await FolderMoves.RecordOrMoveBackAsync(
            () => events.TryChangeAsync(
                experimentId, userId, experiment.Status, ExperimentStatus.Submitted, CancellationToken.None, LifecycleReasons.Retried(caller)),
            submitted,
            from,
            () => new MutationException(new ExperimentNotRetryableError(experiment.Status)));
    }
}
