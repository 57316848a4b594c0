using System.Globalization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Drafts;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Repairs what a crash left between two steps of <see cref="ExperimentWriter"/>, when the server starts (after
/// the database migration, before requests): a Staging row whose folder already reached a namespace is completed
/// (the backend may have seen it: status from the namespace, with its creation event); any other Staging row is
/// removed; an edit of a draft caught midway is settled as the database says (<see cref="DraftEditRecovery"/>);
/// whatever else is left in this instance's staging folder is removed (a deletion caught midway is finished,
/// its row included); another instance's folder is never touched. The multipart transport empties the instance's
/// incoming folder, its own, at start.
/// </summary>
public sealed class StagingRecovery : IHostedLifecycleService
{
    /// <summary>The suffix of a deleted experiment's folder in the staging folder while its row is deleted.</summary>
    public const string DeletingSuffix = ".deleting";

    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly UploadFolder _folder;
    private readonly ExperimentEvents _events;
    private readonly IExperimentsInFlight _inFlight;
    private readonly DraftEditRecovery _edits;
    private readonly TimeProvider _clock;
    private readonly ILogger<StagingRecovery> _logger;

    public StagingRecovery(
        IDbContextFactory<IppDbContext> databases,
        UploadFolder folder,
        ExperimentEvents events,
        IExperimentsInFlight inFlight,
        DraftEditRecovery edits,
        TimeProvider clock,
        ILogger<StagingRecovery> logger)
    {
        _databases = databases;
        _folder = folder;
        _events = events;
        _inFlight = inFlight;
        _edits = edits;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Runs after the database migrator's own StartingAsync (registered after it), before the web server starts.</summary>
    public Task StartingAsync(CancellationToken cancellationToken) => RecoverAsync(cancellationToken);

    /// <summary>Repairs Staging rows and the instance's staging leftovers, skipping the experiments this process is working on.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        _folder.EnsureCreated();
        await RepairStagingRowsAsync(cancellationToken);
        await RemoveStagingLeftoversAsync(cancellationToken);
    }

    private async Task RepairStagingRowsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Experiments.AsNoTracking()
            .Where(e => e.Status == ExperimentStatus.Staging)
            .Select(e => new { e.Id, e.UserId })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (await _inFlight.IsInFlightAsync(row.Id, cancellationToken))
            {
                continue;
            }

            if (_folder.StatusOnDisk(row.UserId, row.Id) is { } status)
            {
                var change = await _events.TryChangeAsync(row.Id, row.UserId, ExperimentStatus.Staging, status, cancellationToken);
                if (change is not null)
                {
                    _logger.LogInformation("Experiment {ExperimentId} was created up to its folder before the server stopped: completed as {Status}", row.Id, status.ToName());
                }
            }
            else
            {
                await DeleteRowAsync(db, row.Id, onlyStaging: true, cancellationToken);
                _logger.LogInformation("Experiment {ExperimentId} was being created when the server stopped: removed", row.Id);
            }
        }
    }

    private async Task RemoveStagingLeftoversAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var edits = new HashSet<long>();
        foreach (var entry in Entries(_folder.StagingPath).Concat(Entries(_folder.LegacyStagingPath)))
        {
            var name = Path.GetFileName(entry);
            if (DraftEditRecovery.IsEditFolder(name, out var edited))
            {
                // An edit of a draft the server stopped in: the database says which folder is the draft.
                if (!await _inFlight.IsInFlightAsync(edited, cancellationToken) && edits.Add(edited))
                {
                    await _edits.SettleAsync(edited, cancellationToken);
                }

                continue;
            }

            var deleting = name.EndsWith(DeletingSuffix, StringComparison.Ordinal);
            var idText = deleting ? name[..^DeletingSuffix.Length] : name;
            var isExperiment = long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var experimentId);
            if (isExperiment && await _inFlight.IsInFlightAsync(experimentId, cancellationToken))
            {
                continue;
            }

            if (isExperiment && deleting)
            {
                // Its owner asked for the deletion and the folder had already left its namespace: finish it.
                await DeleteRowAsync(db, experimentId, onlyStaging: false, cancellationToken);
                _logger.LogInformation("Experiment {ExperimentId} was being deleted when the server stopped: deletion finished", experimentId);
            }

            Remove(entry);
        }

        if (Directory.Exists(_folder.LegacyStagingPath) && Entries(_folder.LegacyStagingPath).Length == 0)
        {
            Remove(_folder.LegacyStagingPath);
        }
    }

    /// <summary>Deletes the row, and its inputs with it (the foreign key cascades), in one statement.</summary>
    private static Task DeleteRowAsync(IppDbContext db, long experimentId, bool onlyStaging, CancellationToken cancellationToken) =>
        db.Experiments.Where(e => e.Id == experimentId && (!onlyStaging || e.Status == ExperimentStatus.Staging)).ExecuteDeleteAsync(cancellationToken);

    private static string[] Entries(string folder) =>
        Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder) : [];

    private void Remove(string entry)
    {
        try
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(failure, "Could not remove {Path}", entry);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
