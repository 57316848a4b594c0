using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Brings experiments' statuses in line with their folders: for each experiment checked, the namespace its folder
/// is in (<see cref="UploadFolder.StatusOnDisk"/>) becomes its status when it differs, through
/// <see cref="ExperimentEvents.TryChangeAsync"/> (the conditional update and its event in one transaction), and the
/// event is published once committed. Rows still being created (Staging) are left to the code creating them, and
/// so are experiments a writer is moving right now, on any instance (<see cref="IExperimentsInFlight"/>: the writer
/// records its own move; a check of one is deferred, and the caller looks again later). Experiments that run through
/// the token pool (a token id) have no folder and are never read from one: their statuses come from the pool.
/// A CANCELLED experiment keeps its status whatever its folder does: the job of one cancelled while it ran goes on,
/// and its folder reaching <c>completed</c> or <c>failed</c> is noted once (<see cref="CancelledJobs.NoteEndAsync"/>),
/// never recorded as COMPLETED or FAILED.
/// </summary>
public sealed class FolderStatusSync
{
    /// <summary>Rows read per query by a full scan.</summary>
    private const int ScanPageSize = 1000;

    /// <summary>How often a check retries when another writer changed the row between its read and its update.</summary>
    private const int MaxAttempts = 3;

    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly ExperimentFolders _folders;
    private readonly UploadFolder _uploads;
    private readonly ExperimentEvents _events;
    private readonly IExperimentsInFlight _inFlight;
    private readonly CancelledJobs _cancelled;
    private readonly TimeProvider _clock;
    private readonly ILogger<FolderStatusSync> _logger;

    public FolderStatusSync(
        IDbContextFactory<IppDbContext> databases,
        ExperimentFolders folders,
        UploadFolder uploads,
        ExperimentEvents events,
        IExperimentsInFlight inFlight,
        CancelledJobs cancelled,
        TimeProvider clock,
        ILogger<FolderStatusSync> logger)
    {
        _databases = databases;
        _folders = folders;
        _uploads = uploads;
        _events = events;
        _inFlight = inFlight;
        _cancelled = cancelled;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Checks what <paramref name="scope"/> covers; the number of changes recorded.</summary>
    public Task<int> SyncAsync(FolderScope scope, CancellationToken cancellationToken) => SyncAsync(scope, deferred: null, cancellationToken);

    /// <summary>
    /// Checks what <paramref name="scope"/> covers; the number of changes recorded. The experiments left alone because
    /// the writer is moving them are added to <paramref name="deferred"/>, to be checked again later.
    /// </summary>
    public Task<int> SyncAsync(FolderScope scope, ICollection<FolderScope>? deferred, CancellationToken cancellationToken) =>
        scope.IsEverything ? ReconcileAsync(deferred, cancellationToken)
        : scope.IsUser ? SyncUserAsync(scope.UserId, deferred, cancellationToken)
        : SyncExperimentAsync(scope.UserId, scope.ExperimentId, deferred, cancellationToken);

    /// <summary>The reconciliation scan: every experiment compared with its folders; the number of changes recorded.</summary>
    public Task<int> ReconcileAsync(CancellationToken cancellationToken) => ReconcileAsync(deferred: null, cancellationToken);

    private async Task<int> ReconcileAsync(ICollection<FolderScope>? deferred, CancellationToken cancellationToken)
    {
        var changes = 0;
        var lastId = 0L;
        while (true)
        {
            List<Row> page;
            await using (var db = await _databases.CreateDbContextAsync(cancellationToken))
            {
                page = await db.Experiments.AsNoTracking()
                    .Where(e => e.Id > lastId && e.Status != ExperimentStatus.Staging && e.TokenId == null)
                    .OrderBy(e => e.Id)
                    .Select(e => new Row(e.Id, e.UserId, e.Status))
                    .Take(ScanPageSize)
                    .ToListAsync(cancellationToken);
            }

            foreach (var row in page)
            {
                lastId = row.Id;
                changes += await ApplyAsync(row, deferred, cancellationToken) ? 1 : 0;
            }

            if (page.Count < ScanPageSize)
            {
                break;
            }
        }

        _logger.LogInformation("Reconciled experiments with their folders: {Changes} status changes", changes);
        return changes;
    }

    /// <summary>
    /// Checks all of a user's experiments, and reports the folders among theirs that name no experiment of theirs
    /// (a folder appearing under <c>&lt;uid&gt;</c> may bring experiments' folders whose own events were never seen).
    /// </summary>
    private async Task<int> SyncUserAsync(long userId, ICollection<FolderScope>? deferred, CancellationToken cancellationToken)
    {
        List<Row> rows;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken))
        {
            rows = await db.Experiments.AsNoTracking()
                .Where(e => e.UserId == userId && e.TokenId == null)
                .Select(e => new Row(e.Id, e.UserId, e.Status))
                .ToListAsync(cancellationToken);
        }

        var changes = 0;
        foreach (var row in rows)
        {
            changes += await ApplyAsync(row, deferred, cancellationToken) ? 1 : 0;
        }

        var known = rows.Select(row => row.Id).ToHashSet();
        foreach (var experimentId in _folders.ExperimentIdsOf(userId))
        {
            if (!known.Contains(experimentId))
            {
                ReportStray(userId, experimentId, await ReadAsync(experimentId, cancellationToken));
            }
        }

        return changes;
    }

    private async Task<int> SyncExperimentAsync(long userId, long experimentId, ICollection<FolderScope>? deferred, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(experimentId, cancellationToken);
        if (row is null || row.UserId != userId)
        {
            ReportStray(userId, experimentId, row);
            return 0;
        }

        return await ApplyAsync(row, deferred, cancellationToken) ? 1 : 0;
    }

    /// <summary>A folder under a user's namespaces whose eid is no experiment of theirs: someone else's business, not an error.</summary>
    private void ReportStray(long userId, long experimentId, Row? row)
    {
        if (row is null)
        {
            _logger.LogInformation(
                "The folder of experiment {ExperimentId} under user {UserId} changed, but no experiment has that id: ignored", experimentId, userId);
        }
        else
        {
            _logger.LogWarning(
                "A folder of experiment {ExperimentId} changed under user {UserId}, who does not own it: ignored", experimentId, userId);
        }
    }

    /// <summary>Records the status the folders say when it differs from the row's; true when this call recorded it.</summary>
    private async Task<bool> ApplyAsync(Row row, ICollection<FolderScope>? deferred, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts && row.Status != ExperimentStatus.Staging; attempt++)
        {
            if (_uploads.StatusOnDisk(row.UserId, row.Id) is not { } onDisk || onDisk == row.Status)
            {
                return false;
            }

            // Asked after reading the folders: the writer marks an experiment before it moves its folder, so a move
            // of its seen above is still marked, or recorded (the update below then finds another status), or undone
            // (the undo's own folder event brings a check that repairs what this one records).
            if (await _inFlight.IsInFlightAsync(row.Id, cancellationToken))
            {
                deferred?.Add(FolderScope.OfExperiment(row.UserId, row.Id));
                return false;
            }

            if (row.Status == ExperimentStatus.Cancelled)
            {
                return await NoteCancelledJobEndAsync(row, onDisk, cancellationToken);
            }

            var change = await _events.TryChangeAsync(row.Id, row.UserId, row.Status, onDisk, cancellationToken);

            if (change is not null)
            {
                _logger.LogInformation(
                    "Experiment {ExperimentId} of user {UserId} went from {Previous} to {Status} (its folder moved)",
                    row.Id, row.UserId, row.Status.ToName(), onDisk.ToName());
                return true;
            }

            // Another writer changed the row since it was read: look again.
            if (await ReadAsync(row.Id, cancellationToken) is not { } current || current.UserId != row.UserId)
            {
                return false;
            }

            row = current;
        }

        return false;
    }

    /// <summary>
    /// A cancelled experiment's folder in <c>completed</c> or <c>failed</c>: its job ended after the cancel, noted once;
    /// anywhere else (withdrawn, or the job still running) nothing changes.
    /// </summary>
    private async Task<bool> NoteCancelledJobEndAsync(Row row, ExperimentStatus onDisk, CancellationToken cancellationToken)
    {
        if (onDisk is not (ExperimentStatus.Completed or ExperimentStatus.Failed)
            || !await _cancelled.NoteEndAsync(row.Id, row.UserId, "its folder moved to " + onDisk.ToName(), cancellationToken))
        {
            return false;
        }

        _logger.LogInformation(
            "The job of cancelled experiment {ExperimentId} of user {UserId} ended afterwards (its folder moved to {Status}); its status stays cancelled",
            row.Id, row.UserId, onDisk.ToName());
        return true;
    }

    private async Task<Row?> ReadAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking()
            .Where(e => e.Id == experimentId && e.TokenId == null)
            .Select(e => new Row(e.Id, e.UserId, e.Status))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record Row(long Id, long UserId, ExperimentStatus Status);
}
