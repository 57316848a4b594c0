using System.Text.Json.Nodes;
using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Lifecycle.Errors;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Picas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// The pool's side of cancelling and retrying an experiment that runs through the PiCaS pool (docs/picas.md,
/// "Cancelling and retrying"). A token still in the outbox is withheld (<see cref="PicasOutbox.TryWithholdAsync"/>) in
/// the transaction recording CANCELLED; one waiting in the pool is deleted by its revision once CANCELLED is recorded,
/// so the feed's deletion finds the experiment cancelled, not failed; one claimed meanwhile is the running case. A
/// retry resets a finished or crashed token by its revision as the PiCaS client's own scrub does, or posts a withdrawn
/// one again under its id. The client and the outbox exist only with a pool (<c>Picas:Url</c>).
/// </summary>
public sealed partial class PoolTokens(
    IDbContextFactory<IppDbContext> databases, ExperimentEvents events, ILogger<PoolTokens> logger, CouchDbClient? couch = null, PicasOutbox? outbox = null)
{
    /// <summary>How often a write by revision is tried again after the token changed under it.</summary>
    private const int MaxAttempts = 3;

    /// <summary>The batch systems' job ids the PiCaS client writes on a claim and removes on a scrub (<c>jobid.remove_job_id</c>).</summary>
    private static readonly string[] JobIds = ["slurm_job_id", "dirac_job_id", "wms_job_id", "cream_job_id", "pbs_job_id"];

    /// <summary>Cancels the SUBMITTED or RUNNING <paramref name="experiment"/>, which then holds its new status.</summary>
    public async Task CancelAsync(SignedInCaller caller, Experiment experiment, CancellationToken cancellationToken)
    {
        if (experiment.Status == ExperimentStatus.Running)
        {
            await RecordAsync(experiment, ExperimentStatus.Cancelled, LifecycleReasons.CancelledWhileRunning(caller), tokenState: experiment.TokenState);
            return;
        }

        if (experiment.TokenState == ExperimentTokenState.Queued && outbox is not null)
        {
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await UserTransactions.BeginAsync(db, experiment.UserId, CancellationToken.None);
            if (await outbox.TryWithholdAsync(db, experiment.TokenId!, CancellationToken.None))
            {
                await RecordInAsync(db, transaction, experiment, ExperimentStatus.Cancelled, LifecycleReasons.Cancelled(caller), tokenState: null);
                return;
            }
        }

        // In the pool (or posted since it was read).
        var read = await Pool().GetDocumentAsync(experiment.TokenId!, cancellationToken);
        var token = read.IsOk ? PicasTokenState.Read(read.Value!) : null;
        switch (token)
        {
            case { Lock: > 0, Done: 0 }:
                await RecordAsync(experiment, ExperimentStatus.Cancelled, LifecycleReasons.CancelledWhileRunning(caller), tokenState: ExperimentTokenState.InPool);
                return;
            case { Lock: not 0 } or { Done: not 0 }:
                // It ended already: the feed brings the end, and the experiment is no longer waiting.
                throw new MutationException(new ExperimentNotCancellableError(TokenStatus.Of(token)?.Status ?? ExperimentStatus.Failed));
        }

        var gone = read.Outcome == CouchOutcome.NotFound;
        await RecordAsync(experiment, ExperimentStatus.Cancelled, LifecycleReasons.Cancelled(caller), tokenState: gone ? null : ExperimentTokenState.InPool);
        if (token is not null)
        {
            await WithdrawAsync(experiment.Id, token.Id, token.Revision, CancellationToken.None);
        }
        else if (!gone)
        {
            NotWithdrawnYet(logger, experiment.TokenId!, read.ToString());
        }
    }

    /// <summary>
    /// Deletes a cancelled experiment's token waiting in the pool (<c>todo</c>) by its revision, reading it again when
    /// it changed meanwhile; once it is gone the experiment's token is withdrawn (<see cref="Experiment.TokenState"/>
    /// null, the deletion's revision taken, so no older state handed on late counts). A token claimed meanwhile is
    /// left to its job, whose end is noted (<see cref="CancelledJobs"/>). True when the token is gone.
    /// </summary>
    public async Task<bool> WithdrawAsync(long experimentId, string tokenId, string revision, CancellationToken cancellationToken)
    {
        var pool = Pool();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var deleted = await pool.DeleteDocumentAsync(tokenId, revision, cancellationToken);
            if (deleted.IsOk || deleted.Outcome == CouchOutcome.NotFound)
            {
                await MarkWithdrawnAsync(experimentId, deleted.IsOk ? TokenStatus.Generation(deleted.Value!) : null, cancellationToken);
                return true;
            }

            if (deleted.Outcome != CouchOutcome.Conflict)
            {
                NotWithdrawnYet(logger, tokenId, deleted.ToString());
                return false;
            }

            var read = await pool.GetDocumentAsync(tokenId, cancellationToken);
            if (read.Outcome == CouchOutcome.NotFound)
            {
                await MarkWithdrawnAsync(experimentId, null, cancellationToken);
                return true;
            }

            if (!read.IsOk || PicasTokenState.Read(read.Value!) is not { Lock: 0, Done: 0 } waiting)
            {
                return false; // Claimed meanwhile (its job runs), or unreadable now.
            }

            revision = waiting.Revision;
        }

        return false;
    }

    /// <summary>A cancelled experiment's token is gone from the pool (the feed said so): it is withdrawn, nothing left to run.</summary>
    public Task ForgetAsync(long experimentId, CancellationToken cancellationToken) => MarkWithdrawnAsync(experimentId, null, cancellationToken);

    /// <summary>
    /// Submits the FAILED or CANCELLED <paramref name="experiment"/> again: its token, when the pool holds it, reset by
    /// its revision as the client's scrub does (never a claimed one: EXPERIMENT_BUSY), else posted again through the
    /// outbox; <paramref name="experiment"/> then holds its new status (recorded by the token's observer, when it saw
    /// the reset first).
    /// </summary>
    public async Task RetryAsync(SignedInCaller caller, Experiment experiment, CancellationToken cancellationToken)
    {
        var pool = Pool();
        if (experiment.TokenState == ExperimentTokenState.InPool)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var read = await pool.GetDocumentAsync(experiment.TokenId!, cancellationToken);
                if (read.Outcome == CouchOutcome.NotFound)
                {
                    break;
                }

                if (!read.IsOk || PicasTokenState.Read(read.Value!) is not { } token)
                {
                    throw Unavailable(experiment.TokenId!, read.ToString());
                }

                if (token is { Lock: > 0, Done: 0 })
                {
                    throw new MutationException(experiment.Status == ExperimentStatus.Cancelled
                        ? ExperimentBusyError.JobStillRuns("retried")
                        : new ExperimentBusyError(ExperimentStatus.Running, "The experiment's token was claimed again by a pilot: its job runs, so it cannot be retried now."));
                }

                var written = token is { Lock: 0, Done: 0 }
                    ? CouchResult<string>.Ok(token.Revision)
                    : await pool.PutDocumentAsync(token.Id, Scrubbed(read.Value!), cancellationToken);
                if (written.IsOk)
                {
                    await RecordAsync(experiment, ExperimentStatus.Submitted, LifecycleReasons.Retried(caller), ExperimentTokenState.InPool, releaseOutputs: true, allowRaced: true);
                    return;
                }

                if (written.Outcome != CouchOutcome.Conflict)
                {
                    throw Unavailable(token.Id, written.ToString());
                }
            }

            if (await pool.GetDocumentAsync(experiment.TokenId!, cancellationToken) is not { Outcome: CouchOutcome.NotFound })
            {
                throw Unavailable(experiment.TokenId!, "the token kept changing while it was reset");
            }
        }

        // No token in the pool (withdrawn by the cancel, or deleted): posted again under its id.
        var queue = outbox ?? throw Unavailable(experiment.TokenId!, "no outbox");
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await UserTransactions.BeginAsync(db, experiment.UserId, CancellationToken.None);
        if (!await queue.RequeueAsync(db, experiment.TokenId!, CancellationToken.None))
        {
            throw Unavailable(experiment.TokenId!, "the outbox holds no token to post again");
        }

        await RecordInAsync(db, transaction, experiment, ExperimentStatus.Submitted, LifecycleReasons.Retried(caller), ExperimentTokenState.Queued, releaseOutputs: true);
        queue.Wake();
    }

    /// <summary>The token as the client's scrub leaves it: lock and done 0, exit code and host cleared, the job ids gone, scrub_count + 1.</summary>
    private static JsonObject Scrubbed(JsonObject document)
    {
        var token = (JsonObject)document.DeepClone();
        token["lock"] = 0;
        token["done"] = 0;
        token["exit_code"] = "";
        token["hostname"] = "";
        token["scrub_count"] = (PicasTokenState.Read(document)?.ScrubCount ?? 0) + 1;
        foreach (var jobId in JobIds)
        {
            token.Remove(jobId);
        }

        return token;
    }

    /// <summary>
    /// Records a cancelled experiment's token as gone (<see cref="Experiment.TokenState"/> null) and, given, the
    /// deletion's revision generation, so no older state handed on late counts.
    /// </summary>
    private async Task MarkWithdrawnAsync(long experimentId, int? generation, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var changed = await db.Experiments
            .Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Cancelled && e.TokenState != null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.TokenState, (ExperimentTokenState?)null)
                    .SetProperty(e => e.TokenRevision, e => generation != null && (e.TokenRevision == null || e.TokenRevision < generation) ? generation : e.TokenRevision),
                cancellationToken);
        if (changed > 0)
        {
            Withdrawn(logger, experimentId);
        }
    }

    private async Task RecordAsync(
        Experiment experiment, ExperimentStatus to, string reason, ExperimentTokenState? tokenState, bool releaseOutputs = false, bool allowRaced = false)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await UserTransactions.BeginAsync(db, experiment.UserId, CancellationToken.None);
        await RecordInAsync(db, transaction, experiment, to, reason, tokenState, releaseOutputs, allowRaced);
    }

    /// <summary>
    /// Records the change with its token's state (and, for a new run, its outputs' entry released), commits, and sets
    /// <paramref name="experiment"/>'s status as recorded. A change another writer made first is the caller's typed
    /// error, or, with <paramref name="allowRaced"/>, taken as it is when that writer moved it to the same status.
    /// </summary>
    private async Task RecordInAsync(
        IppDbContext db, IDbContextTransaction transaction, Experiment experiment, ExperimentStatus to, string reason,
        ExperimentTokenState? tokenState, bool releaseOutputs = false, bool allowRaced = false)
    {
        var change = await events.TryChangeInAsync(db, experiment.Id, experiment.UserId, experiment.Status, to, reason, CancellationToken.None);
        if (change is null)
        {
            var now = await db.Experiments.AsNoTracking().Where(e => e.Id == experiment.Id)
                .Select(e => new { e.Status, e.StatusChangedAt }).FirstOrDefaultAsync(CancellationToken.None);
            if (!allowRaced || now?.Status != to)
            {
                throw new MutationException(to == ExperimentStatus.Cancelled
                    ? new ExperimentNotCancellableError(now?.Status ?? experiment.Status)
                    : new ExperimentNotRetryableError(now?.Status ?? experiment.Status));
            }

            (experiment.Status, experiment.StatusChangedAt) = (now.Status, now.StatusChangedAt);
            return;
        }

        await db.Experiments.Where(e => e.Id == experiment.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.TokenState, tokenState), CancellationToken.None);
        if (releaseOutputs)
        {
            await ExperimentOutputs.ReleaseAsync(db, experiment.Id, CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        events.Announce(change);
        (experiment.Status, experiment.StatusChangedAt, experiment.TokenState) = (to, change.OccurredAt, tokenState);
    }

    private CouchDbClient Pool() => couch ?? throw Unavailable("(none)", "no pool is configured (Picas:Url)");

    /// <summary>The pool could not be read or written now: a top-level error (nothing in the request can fix it), logged with the reason.</summary>
    private GraphQLError Unavailable(string tokenId, string reason)
    {
        PoolUnavailable(logger, tokenId, reason);
        return new GraphQLError("The token pool cannot be reached now; try again later.", code: ExperimentsErrorCodes.TokenPoolUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token {TokenId} of a cancelled experiment could not be deleted from the pool now ({Failure}); it is withdrawn when the pool's feed shows it.")]
    private static partial void NotWithdrawnYet(ILogger logger, string tokenId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token of cancelled experiment {ExperimentId} is withdrawn from the pool.")]
    private static partial void Withdrawn(ILogger logger, long experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token {TokenId} could not be cancelled or reset in the pool: {Failure}.")]
    private static partial void PoolUnavailable(ILogger logger, string tokenId, string failure);
}
