using System.Globalization;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Snapshots;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Storage;
using Ipp.Graph.Tags;
using Ipp.Graph.Transport.Multipart;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Creates, submits and deletes experiments so that the backend never sees a half-done one and a failure at any
/// step leaves nothing behind. Creation: validate; insert the row hidden (Staging) with the user's limits checked in
/// the same write transaction (<see cref="UserQuota"/>); assemble <c>staging/&lt;eid&gt;/</c> (the instance's own: <see cref="UploadFolder.StagingPath"/>) (uploads moved in,
/// experiment.json written whole); rename it into <c>&lt;uid&gt;/&lt;editing|submitted&gt;/&lt;eid&gt;</c>; record the
/// status and its event in one transaction; publish the event. Library entries given as files are copied into the
/// staging folder as it is assembled (<see cref="LibraryInputCopies"/>), their bytes counted at the insert. A crash
/// between two steps is repaired by <see cref="StagingRecovery"/> at start. Folders that cannot be written (<see cref="StorageUnavailableException"/>)
/// are logged once and answered with STORAGE_UNAVAILABLE, the steps taken undone.
/// </summary>
public sealed class ExperimentWriter
{
    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly UploadFolder _folder;
    private readonly ExperimentEvents _events;
    private readonly NewExperimentValidator _validator;
    private readonly ExperimentInputSources _sources;
    private readonly ExperimentFolderAssembly _assembly;
    private readonly UserQuota _quota;
    private readonly IExperimentsInFlight _inFlight;
    private readonly ExperimentAccess _access;
    private readonly ImageInputBlobs _inputBlobs;
    private readonly CancelledJobs _cancelled;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExperimentWriter> _logger;

    public ExperimentWriter(
        IDbContextFactory<IppDbContext> databases,
        UploadFolder folder,
        ExperimentEvents events,
        NewExperimentValidator validator,
        ExperimentInputSources sources,
        ExperimentFolderAssembly assembly,
        UserQuota quota,
        IExperimentsInFlight inFlight,
        ExperimentAccess access,
        ImageInputBlobs inputBlobs,
        CancelledJobs cancelled,
        TimeProvider clock,
        ILogger<ExperimentWriter> logger)
    {
        _databases = databases;
        _folder = folder;
        _events = events;
        _validator = validator;
        _sources = sources;
        _assembly = assembly;
        _quota = quota;
        _inFlight = inFlight;
        _access = access;
        _inputBlobs = inputBlobs;
        _cancelled = cancelled;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Creates an experiment for the caller; it is theirs, in EDITING (a draft) or SUBMITTED. Its files are uploads
    /// and library entries the caller sees (<see cref="ExperimentInputSources"/>), the latter copied into its folder
    /// (<see cref="LibraryInputCopies"/>) once the row, with their bytes counted in the quota, is inserted. The
    /// catalogue entry it runs is kept with it as it is now (<see cref="CatalogueSnapshot"/>).
    /// </summary>
    public async Task<Experiment> CreateAsync(SignedInCaller caller, CreateExperimentInput input, CancellationToken cancellationToken)
    {
        var sources = await _sources.ResolveAsync(caller, input.Files, cancellationToken);
        var validation = _validator.Validate(input, sources.Parameters, sources.Problems);
        var files = PlannedInputs.Plan(sources.Files);
        var now = _clock.UtcNowToMillisecond();
        var experiment = NewExperimentRow.Of(caller.UserId, input, validation.ParametersJson!, now, files.Select(file => file.Row));
        experiment.CatalogueSnapshotJson = CatalogueSnapshot.Of(_validator.Find(input.Application));
        var status = input.Draft ? ExperimentStatus.Editing : ExperimentStatus.Submitted;
        var tagIds = input.Tags ?? [];
        return await PlaceAsync(
            experiment,
            (db, token) => TagService.UsableKeysAsync(db, caller.UserId, tagIds, token),
            new ExperimentManifest(caller.Email, validation.ManifestParametersJson!),
            files,
            status,
            cancellationToken);
    }

    /// <summary>
    /// Stores a new experiment (<paramref name="experiment"/>, Staging, its input rows those of
    /// <paramref name="files"/>) in <paramref name="status"/>: the row inserted hidden with the user's limits checked
    /// and the tags <paramref name="tagKeys"/> chooses in that transaction, its folder assembled in the staging folder,
    /// renamed into its namespace, then the status recorded with its event. A failure at any step undoes those taken.
    /// </summary>
    public async Task<Experiment> PlaceAsync(
        Experiment experiment,
        Func<IppDbContext, CancellationToken, Task<long[]>> tagKeys,
        ExperimentManifest manifest,
        List<PlannedInput> files,
        ExperimentStatus status,
        CancellationToken cancellationToken)
    {
        var userId = experiment.UserId;
        var inserted = await InsertHiddenAsync(experiment, tagKeys, manifest, cancellationToken);
        await using var working = inserted.Working;
        var staging = StagingPath(experiment.Id);
        var placed = _folder.ExperimentPath(userId, status, experiment.Id);
        var reachedNamespace = false;
        try
        {
            // From here on the steps run to the end (or are undone) whatever the client does, but for the copies of
            // library files, which may be long: a client gone while they run undoes the creation.
            await BlockingFileWork.RunAsync(() =>
            {
                _assembly.Assemble(staging, files, inserted.Manifest, cancellationToken);
                DurableDirectory.Create(_folder.NamespacePath(userId, status));
                DurableDirectory.Move(staging, placed);
            });
            reachedNamespace = true;
            var change = await RecordCreationAsync(experiment.Id, experiment.UserId, status);
            if (change is not null)
            {
                experiment.StatusChangedAt = change.OccurredAt;
            }

            experiment.Status = status;
            return experiment;
        }
        catch (StorageUnavailableException failure)
        {
            await UndoCreationAsync(experiment, reachedNamespace ? placed : null, staging);
            throw Unavailable(failure);
        }
        catch (LibraryEntryGoneException gone)
        {
            await UndoCreationAsync(experiment, reachedNamespace ? placed : null, staging);
            var problem = new ParameterProblem(gone.Input.Row.Parameter, ExperimentInputSources.NotFound(gone.Input.LibraryEntryId!));
            throw new MutationException(new InvalidParametersError([problem]));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await UndoCreationAsync(experiment, reachedNamespace ? placed : null, staging);
            throw;
        }
        catch (Exception failure)
        {
            _logger.LogWarning(failure, "Creating experiment {ExperimentId} failed; undoing it", experiment.Id);
            await UndoCreationAsync(experiment, reachedNamespace ? placed : null, staging);
            throw;
        }
    }

    /// <summary>
    /// Submits a draft the caller may change: its folder moves from <c>editing/</c> to <c>submitted/</c>. A move that
    /// cannot be done leaves the folder and the row as they were (STORAGE_UNAVAILABLE). A draft whose application the
    /// caller may no longer run (<paramref name="visible"/>: hidden from them, or gone from the catalogue) stays a
    /// draft (APPLICATION_UNKNOWN).
    /// </summary>
    public async Task<Experiment> SubmitAsync(SignedInCaller caller, string id, VisibleApplications visible, CancellationToken cancellationToken)
    {
        var experimentId = DecodeId(id);
        await using var working = await _inFlight.BeginAsync(experimentId, cancellationToken);
        try
        {
            var experiment = await FindAsync(caller, experimentId, id, cancellationToken);
            var userId = experiment.UserId;
            if (experiment.Status != ExperimentStatus.Editing)
            {
                throw new MutationException(new ExperimentNotEditableError(experiment.Status));
            }

            var application = visible.Runnable(experiment.ApplicationKey);
            var draft = _folder.ExperimentPath(userId, ExperimentStatus.Editing, experimentId);
            var submitted = _folder.ExperimentPath(userId, ExperimentStatus.Submitted, experimentId);
            if (!Directory.Exists(draft))
            {
                // The folder left editing/ behind the server's back: it is no draft any more.
                throw new MutationException(new ExperimentNotEditableError(_folder.StatusOnDisk(userId, experimentId) ?? experiment.Status));
            }

            // What runs is the catalogue entry as it is now; a draft keeps it whether or not the move below succeeds.
            await RecordSnapshotAsync(experimentId, application, cancellationToken);
            await BlockingFileWork.RunAsync(() =>
            {
                DurableDirectory.Create(_folder.NamespacePath(userId, ExperimentStatus.Submitted));
                DurableDirectory.Move(draft, submitted);
            });
            ExperimentEvent? change;
            try
            {
                change = await RecordChangeAsync(experimentId, userId, ExperimentStatus.Editing, ExperimentStatus.Submitted);
            }
            catch
            {
                await BlockingFileWork.RunAsync(() => DurableDirectory.Move(submitted, draft));
                throw;
            }

            if (change is null)
            {
                // The row changed while the folder moved (only a repair of the database can do that): put it back.
                await BlockingFileWork.RunAsync(() => DurableDirectory.Move(submitted, draft));
                throw new MutationException(new ExperimentNotEditableError((await FindAsync(caller, experimentId, id, CancellationToken.None)).Status));
            }

            experiment.Status = ExperimentStatus.Submitted;
            experiment.StatusChangedAt = change.OccurredAt;
            return experiment;
        }
        catch (StorageUnavailableException failure)
        {
            // A move that failed (or the move back after the database failed) left the folder where it was.
            throw Unavailable(failure);
        }
    }

    /// <summary>
    /// Deletes an experiment the caller may change when it is a draft or finished (CANCELLED with its job ended too):
    /// its folder leaves the namespace at once (renamed into the instance's staging folder), then its row and inputs go,
    /// then the folder's content, or for an experiment on an image the blobs its inputs alone kept
    /// (<see cref="ImageInputBlobs"/>). A move that cannot be done leaves the folder and the row as they were
    /// (STORAGE_UNAVAILABLE).
    /// </summary>
    public async Task<string> DeleteAsync(SignedInCaller caller, string id, CancellationToken cancellationToken)
    {
        var experimentId = DecodeId(id);
        await using var working = await _inFlight.BeginAsync(experimentId, cancellationToken);
        try
        {
            var experiment = await FindAsync(caller, experimentId, id, cancellationToken);
            var userId = experiment.UserId;
            if (await _cancelled.StillRunsAsync(experiment, cancellationToken))
            {
                throw new MutationException(ExperimentBusyError.JobStillRuns("deleted"));
            }

            var onDisk = _folder.StatusOnDisk(userId, experimentId);
            foreach (var status in (ReadOnlySpan<ExperimentStatus?>)[experiment.Status, onDisk])
            {
                if (status is ExperimentStatus.Submitted or ExperimentStatus.Running)
                {
                    throw new MutationException(new ExperimentBusyError(status.Value));
                }
            }

            var inputBlobs = await _inputBlobs.OfAsync(experimentId, cancellationToken);
            var trash = Path.Combine(_folder.StagingPath, experimentId.ToString(CultureInfo.InvariantCulture) + StagingRecovery.DeletingSuffix);
            var folder = onDisk is { } placed ? _folder.ExperimentPath(userId, placed, experimentId) : null;
            if (folder is not null)
            {
                await BlockingFileWork.RunAsync(() => DurableDirectory.Move(folder, trash));
            }

            bool deleted;
            try
            {
                deleted = await DeleteRowAsync(experimentId, experiment.Status);
            }
            catch
            {
                if (folder is not null)
                {
                    await BlockingFileWork.RunAsync(() => DurableDirectory.Move(trash, folder));
                }

                throw;
            }

            if (!deleted)
            {
                if (folder is not null)
                {
                    await BlockingFileWork.RunAsync(() => DurableDirectory.Move(trash, folder));
                }

                throw new MutationException(new ExperimentBusyError((await FindAsync(caller, experimentId, id, CancellationToken.None)).Status));
            }

            if (folder is not null)
            {
                DeleteQuietly(trash);
            }

            await _inputBlobs.ReleaseAsync(inputBlobs);
            return id;
        }
        catch (StorageUnavailableException failure)
        {
            throw Unavailable(failure);
        }
    }

    /// <summary>
    /// Inserts the row as Staging, hidden from the API, with its tags (<paramref name="tagKeys"/>: for a creation each one the user may use, else TAG_NOT_FOUND),
    /// in one write transaction with the user's limits: one more experiment must be allowed; then, once the insert gave
    /// the id experiment.json names, the manifest is rendered and the row records all it stores (<see cref="UserStoredBytes"/>), which must fit in the quota. The experiment
    /// is marked in flight before the row can be seen, until the returned mark is disposed; experiment.json's content
    /// is returned, to be written as counted.
    /// </summary>
    private async Task<(IAsyncDisposable Working, byte[] Manifest)> InsertHiddenAsync(
        Experiment experiment, Func<IppDbContext, CancellationToken, Task<long[]>> tagKeys, ExperimentManifest manifest, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, experiment.UserId, cancellationToken);
        await _quota.EnsureRoomForExperimentAsync(db, experiment.UserId, cancellationToken);
        var tags = await tagKeys(db, cancellationToken);
        experiment.Tags.AddRange(tags.Select(tag => new ExperimentTag { TagId = tag }));
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(cancellationToken);
        var content = manifest.Render(experiment);
        experiment.StoredBytes = UserStoredBytes.Of(experiment, content.Length);
        await db.SaveChangesAsync(cancellationToken);
        await _quota.EnsureWithinQuotaAsync(db, experiment.UserId, experiment.StoredBytes, "This experiment (its files, experiment.json and its texts)", cancellationToken);
        // Marked before the row can be seen: no sync or recovery, here or on another instance, takes it for a leftover.
        var working = await _inFlight.BeginAsync(experiment.Id, cancellationToken);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await working.DisposeAsync();
            throw;
        }

        return (working, content);
    }

    /// <summary>Keeps <paramref name="application"/> as the catalogue entry the draft runs (<see cref="CatalogueSnapshot"/>).</summary>
    private async Task RecordSnapshotAsync(long experimentId, Application application, CancellationToken cancellationToken)
    {
        var snapshot = CatalogueSnapshot.Of(application);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        await db.Experiments.Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Editing)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.CatalogueSnapshotJson, snapshot), cancellationToken);
    }

    /// <summary>Records the creation (Staging to its namespace) with its event; null when it was already recorded.</summary>
    private Task<ExperimentEvent?> RecordCreationAsync(long experimentId, long userId, ExperimentStatus status) =>
        RecordChangeAsync(experimentId, userId, ExperimentStatus.Staging, status);

    private Task<ExperimentEvent?> RecordChangeAsync(long experimentId, long userId, ExperimentStatus from, ExperimentStatus to) =>
        _events.TryChangeAsync(experimentId, userId, from, to, CancellationToken.None);

    /// <summary>
    /// Deletes the row, and its inputs with it (the foreign key cascades), when its status is still
    /// <paramref name="status"/>: one statement, so no change of status can come between the check and the deletion.
    /// </summary>
    private async Task<bool> DeleteRowAsync(long experimentId, ExperimentStatus status)
    {
        await using var db = await _databases.CreateDbContextAsync();
        return await db.Experiments.Where(e => e.Id == experimentId && e.Status == status).ExecuteDeleteAsync() > 0;
    }

    /// <summary>Takes back a creation that failed: the folder (out of the namespace first), then the row.</summary>
    private async Task UndoCreationAsync(Experiment experiment, string? placed, string staging)
    {
        try
        {
            if (placed is not null && Directory.Exists(placed))
            {
                DurableDirectory.Move(placed, staging);
            }

            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            await using var db = await _databases.CreateDbContextAsync();
            await db.ExperimentInputs.Where(i => i.ExperimentId == experiment.Id).ExecuteDeleteAsync();
            await db.Experiments.Where(e => e.Id == experiment.Id && e.Status == ExperimentStatus.Staging).ExecuteDeleteAsync();
        }
        catch (Exception undoFailure)
        {
            // What is left is a Staging row or a folder outside the namespaces: the next start removes both.
            _logger.LogError(undoFailure, "Undoing the creation of experiment {ExperimentId} failed; the next start will finish it", experiment.Id);
        }
    }

    /// <summary>The client's error for folders that could not be written; what failed is logged here, once.</summary>
    private GraphQLError Unavailable(StorageUnavailableException failure)
    {
        failure.Log(_logger);
        return StorageUnavailableException.ClientError();
    }

    /// <summary>The experiment the caller may change; EXPERIMENT_NOT_FOUND for any other, as for one that does not exist.</summary>
    private async Task<Experiment> FindAsync(SignedInCaller caller, long experimentId, string id, CancellationToken cancellationToken) =>
        await _access.FindAsync(experimentId, caller, Permission.ExperimentsWrite, cancellationToken)
            ?? throw new MutationException(new ExperimentNotFoundError(id));

    private static long DecodeId(string id) =>
        GlobalId.TryDecode(id, ExperimentsSchema.TypeName, out var key)
            ? key
            : throw new MutationException(new ExperimentNotFoundError(id));

    private string StagingPath(long experimentId) =>
        Path.Combine(_folder.StagingPath, experimentId.ToString(CultureInfo.InvariantCulture));

    private void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException failure)
        {
            _logger.LogWarning(failure, "Could not remove {Path}; the next start removes it", path);
        }
        catch (UnauthorizedAccessException failure)
        {
            _logger.LogWarning(failure, "Could not remove {Path}; the next start removes it", path);
        }
    }
}
