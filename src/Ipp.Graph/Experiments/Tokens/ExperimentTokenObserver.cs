using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
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
/// fails meanwhile is logged and left to the next reconciliation, which hands the done token on again.
/// </summary>
public sealed partial class ExperimentTokenObserver(
    IDbContextFactory<IppDbContext> databases, ExperimentEvents events, ExperimentOutputs outputs, ILogger<ExperimentTokenObserver> logger) : IPicasTokenObserver
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
            await MoveAsync(experimentId, new TokenStatus(ExperimentStatus.Failed, "the token was deleted from the pool"), cancellationToken, onlyFrom: [ExperimentStatus.Submitted, ExperimentStatus.Running]);
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

            // A draft has no token yet; Staging is a creation still running.
            if (current.Status == target.Status || current.Status is ExperimentStatus.Editing or ExperimentStatus.Staging
                || (onlyFrom is not null && !onlyFrom.Contains(current.Status)))
            {
                return current;
            }

            if (await events.TryChangeAsync(experimentId, current.UserId, current.Status, target.Status, cancellationToken, target.Reason) is not null)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outputs of experiment {ExperimentId} could not be copied into the library; the next reconciliation of the pool (Picas:ReconcileInterval) tries again.")]
    private static partial void OutputsDelayed(ILogger logger, long experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token {TokenId} is in a state the PiCaS client does not write (lock {Lock}, done {Done}): its experiment is left as it is.")]
    private static partial void UnknownState(ILogger logger, string tokenId, long @lock, long done);
}
