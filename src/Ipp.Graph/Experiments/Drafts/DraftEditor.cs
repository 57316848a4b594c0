using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Snapshots;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// <c>editExperiment</c> on a catalogue draft, all or nothing. The edited values go through the one
/// <see cref="NewExperimentValidator"/> as a creation's do, with the files kept and added (<see cref="DraftFiles"/>,
/// <see cref="ExperimentInputSources"/>). The draft's new folder is assembled beside it, in the instance's staging
/// folder (<c>&lt;eid&gt;.edit</c>: kept files linked, uploads moved in, library files copied, a new experiment.json),
/// while the draft stays as it was; then one transaction of the user's writers updates the row and its inputs, checks
/// the quota, and swaps the folders (the draft's to <c>&lt;eid&gt;.replaced</c>, the new one into its place) before it
/// commits, the swap undone when the commit fails. A refusal, a client gone, or a disk failing before the commit leaves
/// the draft exactly as it was. A crash between the swap and the commit is settled at start by
/// <see cref="DraftEditRecovery"/>, which keeps whichever folder the database describes. The experiment is marked in
/// flight throughout (<see cref="IExperimentsInFlight"/>), so a submission or deletion of it waits for the edit, and
/// then finds the draft edited (or, first, leaves the edit an <see cref="ExperimentNotEditableError"/>).
/// Drafts on images have no folder: <see cref="ImageDraftEditor"/> edits them.
/// </summary>
public sealed class DraftEditor(
    IDbContextFactory<IppDbContext> databases,
    UploadFolder folder,
    ExperimentAccess access,
    NewExperimentValidator validator,
    ExperimentInputSources sources,
    ExperimentFolderAssembly assembly,
    UserQuota quota,
    IExperimentsInFlight inFlight,
    ImageDraftEditor images,
    ILogger<DraftEditor> logger)
{
    /// <summary>The suffix of an edited draft's folder being assembled in the staging folder.</summary>
    public const string EditSuffix = ".edit";

    /// <summary>The suffix of a draft's folder as it was before an edit, in the staging folder, until the edit committed.</summary>
    public const string ReplacedSuffix = ".replaced";

    /// <summary>Edits the caller's draft <see cref="EditExperimentInput.Id"/>; the experiment as it now is.</summary>
    public async Task<Experiment> EditAsync(SignedInCaller caller, EditExperimentInput input, VisibleApplications visible, CancellationToken cancellationToken)
    {
        var experimentId = GlobalId.TryDecode(input.Id, ExperimentsSchema.TypeName, out var key)
            ? key
            : throw new MutationException(new ExperimentNotFoundError(input.Id));
        await using var working = await inFlight.BeginAsync(experimentId, cancellationToken);
        var experiment = await FindDraftAsync(caller, experimentId, input.Id, cancellationToken);
        if (experiment.TokenId is not null)
        {
            return await images.EditAsync(caller, experiment, input, cancellationToken);
        }

        var application = visible.Runnable(experiment.ApplicationKey);
        var userId = experiment.UserId;
        var draft = folder.ExperimentPath(userId, ExperimentStatus.Editing, experimentId);
        if (!Directory.Exists(draft))
        {
            // The folder left editing/ behind the server's back: it is no draft any more.
            throw new MutationException(new ExperimentNotEditableError(folder.StatusOnDisk(userId, experimentId) ?? experiment.Status, "edited"));
        }

        var (kept, removed, removalProblems) = DraftFiles.Remove(experiment.Inputs, input.RemoveFiles);
        var found = await sources.ResolveAsync(caller, input.AddFiles, cancellationToken);
        using var stored = JsonDocument.Parse(experiment.ParametersJson);
        var edited = new CreateExperimentInput(
            experiment.ApplicationKey, input.Name ?? experiment.Name, input.Description ?? experiment.Description, input.Parameters ?? stored.RootElement, null, Draft: true);
        var validation = validator.Validate(edited, [.. DraftFiles.Parameters(kept), .. found.Parameters], [.. removalProblems, .. found.Problems]);
        var added = PlannedInputs.Plan(found.Files, DraftFiles.NamesTakenBy(kept));

        var bytesBefore = experiment.StoredBytes;
        experiment.Name = edited.Name;
        experiment.Description = edited.Description;
        experiment.ParametersJson = validation.ParametersJson!;
        experiment.CatalogueSnapshotJson = CatalogueSnapshot.Of(application);
        experiment.Inputs = [.. kept, .. added.Select(file => file.Row)];
        foreach (var file in added)
        {
            file.Row.ExperimentId = experimentId;
        }

        var manifest = new ExperimentManifest(caller.Email, validation.ManifestParametersJson!).Render(experiment);
        experiment.StoredBytes = UserStoredBytes.Of(experiment, manifest.Length);
        List<PlannedInput> files = [.. kept.Select(row => new PlannedInput(row, null, null, new ExistingFile(userId, experimentId, row.StoredName))), .. added];
        var staged = StagingPath(experimentId, EditSuffix);
        try
        {
            // The client may leave while library files are copied: the draft is then left as it was.
            await BlockingFileWork.RunAsync(() => assembly.Assemble(staged, files, manifest, cancellationToken));
            await CommitAsync(experiment, bytesBefore, removed, added.Select(file => file.Row), draft, staged);
        }
        catch (StorageUnavailableException failure)
        {
            await BlockingFileWork.RunAsync(() => Discard(staged));
            failure.Log(logger);
            throw StorageUnavailableException.ClientError();
        }
        catch (LibraryEntryGoneException gone)
        {
            await BlockingFileWork.RunAsync(() => Discard(staged));
            var problem = new ParameterProblem(gone.Input.Row.Parameter, ExperimentInputSources.NotFound(gone.Input.LibraryEntryId!));
            throw new MutationException(new InvalidParametersError([problem]));
        }
        catch
        {
            await BlockingFileWork.RunAsync(() => Discard(staged));
            throw;
        }

        Discard(StagingPath(experimentId, ReplacedSuffix));
        experiment.Status = ExperimentStatus.Editing;
        return experiment;
    }

    /// <summary>
    /// Records the edit and swaps the folders in one transaction of the user's writers; the quota is checked when the
    /// draft grew. The swap is undone when anything after it fails.
    /// </summary>
    private async Task CommitAsync(Experiment experiment, long bytesBefore, List<ExperimentInput> removed, IEnumerable<ExperimentInput> added, string draft, string staged)
    {
        // From here on the steps run to the end (or are undone) whatever the client does.
        var cancellationToken = CancellationToken.None;
        var experimentId = experiment.Id;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, experiment.UserId, cancellationToken);
        var changed = await db.Experiments.Where(e => e.Id == experimentId && e.Status == ExperimentStatus.Editing).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Name, experiment.Name)
            .SetProperty(e => e.Description, experiment.Description)
            .SetProperty(e => e.ParametersJson, experiment.ParametersJson)
            .SetProperty(e => e.StoredBytes, experiment.StoredBytes)
            .SetProperty(e => e.CatalogueSnapshotJson, experiment.CatalogueSnapshotJson), cancellationToken);
        if (changed == 0)
        {
            var status = await db.Experiments.Where(e => e.Id == experimentId).Select(e => (ExperimentStatus?)e.Status).FirstOrDefaultAsync(cancellationToken);
            throw new MutationException(status is { } now
                ? new ExperimentNotEditableError(now, "edited")
                : new ExperimentNotFoundError(GlobalId.Encode(ExperimentsSchema.TypeName, experimentId)));
        }

        var removedIds = removed.Select(row => row.Id).ToArray();
        await db.ExperimentInputs.Where(i => removedIds.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        db.ExperimentInputs.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        if (experiment.StoredBytes > bytesBefore)
        {
            await quota.EnsureWithinQuotaAsync(
                db, experiment.UserId, experiment.StoredBytes - bytesBefore, "This draft as edited (its files, experiment.json and its texts)", cancellationToken);
        }

        var replaced = StagingPath(experimentId, ReplacedSuffix);
        await BlockingFileWork.RunAsync(() =>
        {
            DurableDirectory.Move(draft, replaced);
            try
            {
                DurableDirectory.Move(staged, draft);
            }
            catch
            {
                DurableDirectory.Move(replaced, draft);
                throw;
            }
        });
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await BlockingFileWork.RunAsync(() =>
            {
                DurableDirectory.Move(draft, staged);
                DurableDirectory.Move(replaced, draft);
            });
            throw;
        }
    }

    /// <summary>The caller's experiment with its inputs when it is a draft; EXPERIMENT_NOT_FOUND or EXPERIMENT_NOT_EDITABLE otherwise.</summary>
    private async Task<Experiment> FindDraftAsync(SignedInCaller caller, long experimentId, string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var experiment = await access.Reachable(db, caller, Permission.ExperimentsWrite).Include(e => e.Inputs)
            .FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new MutationException(new ExperimentNotFoundError(id));
        return experiment.Status == ExperimentStatus.Editing
            ? experiment
            : throw new MutationException(new ExperimentNotEditableError(experiment.Status, "edited"));
    }

    private string StagingPath(long experimentId, string suffix) =>
        Path.Combine(folder.StagingPath, experimentId.ToString(CultureInfo.InvariantCulture) + suffix);

    /// <summary>Removes a folder of the staging folder; one that cannot be removed now is left to the next start.</summary>
    private void Discard(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(failure, "Could not remove {Path}; the next start removes it", path);
        }
    }
}
