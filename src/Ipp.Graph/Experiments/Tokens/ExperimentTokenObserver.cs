using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Picas;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// Turns what the pool's feed and reconciliation hand on into experiments' statuses (registered only with a pool).
/// A token that is not an experiment's (<see cref="ExperimentTokens.TryParse"/>) is left alone. A token seen makes its
/// experiment's token IN_POOL; its state gives the status (<see cref="TokenStatus.Of"/>), recorded through
/// <see cref="ExperimentEvents.TryChangeAsync"/> with its reason, so a state seen twice, or by two instances, records
/// once. States are taken in the order of the token's revisions: one older than the newest taken
/// (<see cref="Experiment.TokenRevision"/>, a state the reconciliation read before a newer write) changes nothing, so
/// statuses move forward, and back to SUBMITTED only when the token was put back in <c>todo</c> (a scrub, a reset).
/// A token deleted by hand while its experiment waits or runs fails the experiment with that reason. A COMPLETED
/// experiment's outputs become its owner's library entry (<see cref="ExperimentOutputs"/>), once; a blob store that
/// fails meanwhile is logged and left to the next reconciliation, which hands the done token on again; a token put back
/// in <c>todo</c> after an end makes room for the next run's outputs (<see cref="ExperimentOutputs.ReleaseAsync"/>).
/// A CANCELLED experiment's status never follows its token: a token waiting in <c>todo</c> (posted by a worker that
/// read it before the cancel withheld it, or put back by a pilot) is withdrawn (<see cref="PoolTokens.WithdrawAsync"/>),
/// unless a retry or cancel works on it (in flight), a claimed one is its job running on, a finished one that job's end, noted once (<see cref="CancelledJobs.NoteEndAsync"/>)
/// with no outputs collected and no mail; its deletion (the cancel's own) changes nothing.
/// </summary>
public sealed partial class ExperimentTokenObserver(
    IDbContextFactory<IppDbContext> databases,
    ExperimentEvents events,
    ExperimentOutputs outputs,
    CancelledJobs cancelled,
    PoolTokens tokens,
    IExperimentsInFlight inFlight,
    ILogger<ExperimentTokenObserver> logger) : IPicasTokenObserver
{
    private const int MaxAttempts = 3;

    public async Task TokenChangedAsync(PicasTokenState token, CancellationToken cancellationToken)
    {
        if (!ExperimentTokens.TryParse(token.Id, out var experimentId) || !await TakeRevisionAsync(experimentId, token, cancellationToken))
        {
            return;
        }

        if (TokenStatus.Of(token) is not { } target)
        {
            UnknownState(logger, token.Id, token.Lock, token.Done);
            return;
        }

        var current = await MoveAsync(experimentId, target, cancellationToken);
        if (current is { Status: ExperimentStatus.Cancelled })
        {
            await CancelledTokenAsync(experimentId, current.UserId, token, target, cancellationToken);
            return;
        }

        if (current is { Status: ExperimentStatus.Completed } && target.Status == ExperimentStatus.Completed)
        {
            try
            {
                await outputs.CollectAsync(experimentId, current.UserId, cancellationToken);
            }
            catch (StorageUnavailableException failure)
            {
                // Not thrown: the feed would stop for every experiment until the store is back. The token is in the
                // done view, which the reconciliation hands on again.
                failure.Log(logger);
                OutputsDelayed(logger, experimentId);
            }
        }
    }

    public async Task TokenDeletedAsync(string id, CancellationToken cancellationToken)
    {
        if (ExperimentTokens.TryParse(id, out var experimentId))
        {
            var current = await MoveAsync(experimentId, new TokenStatus(ExperimentStatus.Failed, "the token was deleted from the pool"), cancellationToken, onlyFrom: [ExperimentStatus.Submitted, ExperimentStatus.Running]);
            if (current is { Status: ExperimentStatus.Cancelled })
            {
                // The cancel's own deletion, or one by hand: either way no job is left to wait for.
                await tokens.ForgetAsync(experimentId, cancellationToken);
            }
        }
    }

    /// <summary>The token of a CANCELLED experiment: withdrawn when waiting, its job's end noted when it ended.</summary>
    private async Task CancelledTokenAsync(long experimentId, long userId, PicasTokenState token, TokenStatus target, CancellationToken cancellationToken)
    {
        if (target.Status == ExperimentStatus.Submitted)
        {
            // In flight: a retry reset it and is about to record SUBMITTED, or a cancel is withdrawing it itself.
            if (!await inFlight.IsInFlightAsync(experimentId, cancellationToken))
            {
                await tokens.WithdrawAsync(experimentId, token.Id, token.Revision, cancellationToken);
            }
        }
        else if (target.Status is ExperimentStatus.Completed or ExperimentStatus.Failed
            && await cancelled.NoteEndAsync(experimentId, userId, target.Reason ?? target.Status.ToName(), cancellationToken))
        {
            CancelledJobEnded(logger, experimentId, target.Reason);
        }
    }

    /// <summary>
    /// Records the token's revision and IN_POOL on its experiment unless a newer revision was taken already; false
    /// when the state is older, or no experiment runs through this token (it was deleted).
    /// </summary>
    private async Task<bool> TakeRevisionAsync(long experimentId, PicasTokenState token, CancellationToken cancellationToken)
    {
        var generation = TokenStatus.Generation(token.Revision);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Experiments
            .Where(e => e.Id == experimentId && e.TokenId == token.Id && (e.TokenRevision == null || e.TokenRevision <= generation))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.TokenRevision, generation).SetProperty(e => e.TokenState, ExperimentTokenState.InPool), cancellationToken) > 0;
    }

    /// <summary>
    /// Moves the experiment to <paramref name="target"/>'s status when it is another (and, with
    /// <paramref name="onlyFrom"/>, one of those), trying again when another writer changed it meanwhile; gives the
    /// experiment's owner and status as they are after, null when it is gone.
    /// </summary>
    private async Task<Current?> MoveAsync(long experimentId, TokenStatus target, CancellationToken cancellationToken, ExperimentStatus[]? onlyFrom = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadAsync(experimentId, cancellationToken) is not { } current)
            {
                return null;
            }

            // A draft has no token yet; Staging is a creation still running; a cancelled one's token is kept apart.
            if (current.Status == target.Status || current.Status is ExperimentStatus.Editing or ExperimentStatus.Staging or ExperimentStatus.Cancelled
                || (onlyFrom is not null && !onlyFrom.Contains(current.Status)))
            {
                return current;
            }

            if (await TryChangeAsync(experimentId, current, target, cancellationToken) is not null)
            {
                StatusChanged(logger, experimentId, current.Status.ToName(), target.Status.ToName(), target.Reason);
                return current with { Status = target.Status };
            }

            if (attempt == MaxAttempts)
            {
                return await ReadAsync(experimentId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Records the change; one from an end back to SUBMITTED (the token put back in <c>todo</c>) releases the earlier
    /// run's outputs in the same transaction, so the next completion is collected in its turn.
    /// </summary>
    private async Task<ExperimentEvent?> TryChangeAsync(long experimentId, Current current, TokenStatus target, CancellationToken cancellationToken)
    {
        if (!(target.Status == ExperimentStatus.Submitted && current.Status is ExperimentStatus.Completed or ExperimentStatus.Failed))
        {
            return await events.TryChangeAsync(experimentId, current.UserId, current.Status, target.Status, cancellationToken, target.Reason);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, current.UserId, cancellationToken);
        var change = await events.TryChangeInAsync(db, experimentId, current.UserId, current.Status, target.Status, target.Reason, cancellationToken);
        if (change is null)
        {
            return null;
        }

        await ExperimentOutputs.ReleaseAsync(db, experimentId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Announce(change);
        return change;
    }

    private async Task<Current?> ReadAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking()
            .Where(e => e.Id == experimentId && e.TokenId != null)
            .Select(e => new Current(e.UserId, e.Status))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record Current(long UserId, ExperimentStatus Status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId} went from {Previous} to {Status} (its token: {Reason}).")]
    private static partial void StatusChanged(ILogger logger, long experimentId, string previous, string status, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The job of cancelled experiment {ExperimentId} ended afterwards ({Reason}); its status stays cancelled.")]
    private static partial void CancelledJobEnded(ILogger logger, long experimentId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outputs of experiment {ExperimentId} could not be copied into the library; the next reconciliation of the pool (Picas:ReconcileInterval) tries again.")]
    private static partial void OutputsDelayed(ILogger logger, long experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token {TokenId} is in a state the PiCaS client does not write (lock {Lock}, done {Done}): its experiment is left as it is.")]
    private static partial void UnknownState(ILogger logger, string tokenId, long @lock, long done);
}
