using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Tokens.Errors;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Images;
using Ipp.Graph.Images.Entities;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Picas;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// Creates and submits experiments on container images, which run through the PiCaS pool instead of the folder
/// contract: the image is one the caller may use (<see cref="VisibleApplications.FindAsync"/> decides before, and
/// <see cref="ImageVisibility"/> again in the transaction; else APPLICATION_UNKNOWN, as for the catalogue), its
/// parameters are checked by the one <see cref="ParameterValidator"/> over <see cref="ImageApplication.Of"/>, and its
/// files are library entries only, never copied: the job reads them where the blob store keeps them
/// (<see cref="IBlobStore.Locate"/>), and each input row names its blob (<see cref="ExperimentInput.BlobKey"/>), which
/// keeps it while the row lasts, the entry deleted or not (<see cref="NamedBlobs"/>). No folder is made. Submitting
/// (at creation, or a draft later) writes the experiment's row, its token in the outbox (<see cref="PicasOutbox.Add"/>)
/// and its status event in one transaction of the user's writers, which holds the image's row (PostgreSQL
/// <c>FOR SHARE</c>, SQLite's one writer), so an image being deleted is never submitted to
/// (<see cref="ImageService.DeleteAsync"/> refuses to delete an image with waiting or running experiments).
/// </summary>
public sealed class ImageExperiments(
    IDbContextFactory<IppDbContext> databases,
    AccessPolicy policy,
    ExperimentAccess access,
    ExperimentInputSources sources,
    UserQuota quota,
    ExperimentEvents events,
    IBlobStore blobs,
    TimeProvider clock,
    PicasOutbox? outbox = null)
{
    /// <summary>Creates an experiment on the image <paramref name="imageKey"/> for the caller, a draft or submitted.</summary>
    public async Task<Experiment> CreateAsync(SignedInCaller caller, long imageKey, CreateExperimentInput input, CancellationToken cancellationToken)
    {
        if (input.Files?.FirstOrDefault(file => file.File is not null) is { } upload)
        {
            throw new MutationException(new UploadNotAcceptedError(upload.Parameter));
        }

        var submit = !input.Draft;
        var found = await sources.ResolveAsync(caller, input.Files, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var image = await ImageVisibility.FindAsync(db, policy, caller, imageKey, cancellationToken) ?? throw new MutationException(new ApplicationUnknownError(input.Application));
        var validation = ParameterValidator.Validate(ImageApplication.Of(ImageView.Of(image)), input.Parameters, found.Parameters, input.Name, input.Description);
        if (!validation.IsValid || found.Problems.Count > 0)
        {
            throw new MutationException(new InvalidParametersError([.. validation.Problems, .. found.Problems]));
        }

        var pool = submit ? Pool() : null;
        var files = PlannedInputs.Plan(found.Files);
        var userId = caller.UserId;
        var now = clock.UtcNowToMillisecond();
        var experiment = NewExperimentRow.Of(userId, input, validation.ParametersJson!, now, InputRows(files));
        experiment.ImageId = image.Id;
        experiment.ImageSnapshotJson = ImageSnapshot.Of(image);
        experiment.TokenState = submit ? ExperimentTokenState.Queued : null;

        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        await quota.EnsureRoomForExperimentAsync(db, userId, cancellationToken);
        var tags = await TagService.UsableKeysAsync(db, userId, input.Tags ?? [], cancellationToken);
        await HoldImageAsync(db, image.Id, input.Application, cancellationToken);
        await HoldLibraryFilesAsync(db, experiment.Inputs, cancellationToken);
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(cancellationToken);
        experiment.TokenId = ExperimentTokens.TokenId(experiment.Id);
        experiment.Tags.AddRange(tags.Select(tag => new ExperimentTag { ExperimentId = experiment.Id, TagId = tag }));
        experiment.StoredBytes = StoredBytesOf(experiment);
        await db.SaveChangesAsync(cancellationToken);
        await quota.EnsureWithinQuotaAsync(db, userId, experiment.StoredBytes, "This experiment (its texts)", cancellationToken);
        pool?.Add(db, Task(experiment, image.Path, files.Select(file => file.LibraryFile!)));
        var status = submit ? ExperimentStatus.Submitted : ExperimentStatus.Editing;
        var change = await events.TryChangeInAsync(db, experiment.Id, userId, ExperimentStatus.Staging, status, null, cancellationToken)
            ?? throw new InvalidOperationException($"The new experiment {experiment.Id} was not Staging.");
        await transaction.CommitAsync(cancellationToken);
        events.Announce(change);
        pool?.Wake();
        experiment.Status = status;
        experiment.StatusChangedAt = change.OccurredAt;
        return experiment;
    }

    /// <summary>
    /// Submits the caller's draft <paramref name="id"/> when it runs through the pool (null when it does not: the
    /// folder contract's writer submits it): its image must be an application <paramref name="visible"/> finds, its
    /// parameters and files are checked again against the image as it is now (which the snapshot then records), its
    /// token goes to the outbox, and it moves to SUBMITTED, in one transaction.
    /// </summary>
    public async Task<Experiment?> TrySubmitAsync(SignedInCaller caller, string id, VisibleApplications visible, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(id, ExperimentsSchema.TypeName, out var experimentId))
        {
            throw new MutationException(new ExperimentNotFoundError(id));
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var found = await access.Reachable(db, caller, Permission.ExperimentsWrite).FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new MutationException(new ExperimentNotFoundError(id));
        if (found.TokenId is null)
        {
            return null;
        }

        var pool = Pool();
        await using var transaction = await UserTransactions.BeginAsync(db, found.UserId, cancellationToken);
        var experiment = await db.Experiments.Include(e => e.Inputs).FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken)
            ?? throw new MutationException(new ExperimentNotFoundError(id));
        if (experiment.Status != ExperimentStatus.Editing)
        {
            throw new MutationException(new ExperimentNotEditableError(experiment.Status));
        }

        var image = experiment.ImageId is { } imageKey && (await visible.FindAsync(experiment.ApplicationKey))?.Image?.Key == imageKey
            ? await ImageVisibility.FindAsync(db, policy, caller, imageKey, cancellationToken)
            : null;
        if (image is null)
        {
            throw new MutationException(new ApplicationUnknownError(experiment.ApplicationKey));
        }

        await HoldImageAsync(db, image.Id, experiment.ApplicationKey, cancellationToken);
        var files = await LibraryFilesAsync(db, caller, experiment.Inputs, cancellationToken);
        await HoldLibraryFilesAsync(db, experiment.Inputs, cancellationToken);
        var fileParameters = experiment.Inputs.GroupBy(i => (i.Parameter, i.LibraryEntryId)).Select(group => group.Key.Parameter).ToList();
        using (var parameters = JsonDocument.Parse(experiment.ParametersJson))
        {
            var validation = ParameterValidator.Validate(
                ImageApplication.Of(ImageView.Of(image)), parameters.RootElement, fileParameters, experiment.Name, experiment.Description);
            if (!validation.IsValid || files.Problems.Count > 0)
            {
                throw new MutationException(new InvalidParametersError([.. validation.Problems, .. files.Problems]));
            }
        }

        experiment.ImageSnapshotJson = ImageSnapshot.Of(image);
        experiment.TokenState = ExperimentTokenState.Queued;
        await db.SaveChangesAsync(cancellationToken);
        pool.Add(db, Task(experiment, image.Path, files.Files));
        var change = await events.TryChangeInAsync(db, experiment.Id, experiment.UserId, ExperimentStatus.Editing, ExperimentStatus.Submitted, null, cancellationToken)
            ?? throw new MutationException(new ExperimentNotEditableError(experiment.Status));
        await transaction.CommitAsync(cancellationToken);
        events.Announce(change);
        pool.Wake();
        experiment.Status = ExperimentStatus.Submitted;
        experiment.StatusChangedAt = change.OccurredAt;
        return experiment;
    }

    /// <summary>
    /// The input rows of an experiment on an image: its library entries' files, referenced where the library keeps
    /// them, each naming its blob so the blob outlives the entry (<see cref="HoldLibraryFilesAsync"/> makes sure the
    /// files are still there when the rows are recorded).
    /// </summary>
    public static IEnumerable<ExperimentInput> InputRows(IEnumerable<PlannedInput> files) =>
        files.Select(file =>
        {
            file.Row.BlobKey = file.LibraryFile!.BlobKey;
            file.Row.Sha256 = file.LibraryFile.Sha256;
            return file.Row;
        });

    /// <summary>What an experiment on an image stores: its texts only; the files stay the library's (counted there).</summary>
    public static long StoredBytesOf(Experiment experiment) => UserStoredBytes.Of(experiment, 0) - experiment.Inputs.Sum(i => i.Size);

    /// <summary>The outbox, or TOKEN_POOL_NOT_CONFIGURED (a top-level error: nothing in the form can fix it).</summary>
    private PicasOutbox Pool() =>
        outbox ?? throw new GraphQLError(
            "This server has no token pool to run experiments on container images (Picas:Url); keep the experiment as a draft.",
            code: ExperimentsErrorCodes.TokenPoolNotConfigured);

    /// <summary>
    /// Holds the image's row until the transaction ends (PostgreSQL <c>FOR SHARE</c>; SQLite's transaction is the
    /// database's one writer already), and makes sure it is still there: a deletion waits, or was first.
    /// </summary>
    private static async Task HoldImageAsync(IppDbContext db, long imageKey, string application, CancellationToken cancellationToken)
    {
        var held = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM container_images WHERE id = {imageKey} FOR SHARE").ToListAsync(cancellationToken)
            : await db.Set<ContainerImage>().Where(i => i.Id == imageKey).Select(i => i.Id).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            throw new MutationException(new ApplicationUnknownError(application));
        }
    }

    /// <summary>
    /// Holds the library files whose blobs the <paramref name="inputs"/> name until the transaction ends (PostgreSQL
    /// <c>FOR SHARE</c>; SQLite's transaction is the database's one writer already), and makes sure each is still
    /// there; one gone is a problem of its parameter (INVALID_PARAMETERS). The entry may be another user's, shared:
    /// its deletion (<see cref="Library.Entries.LibraryEntryChanges.DeleteAsync"/>) takes that user's lock, not this
    /// one's, but deletes these rows first, so either it waits until these inputs are recorded and then sees them
    /// (their blobs are kept), or it was first and the rows are gone here: no input ever names a deleted blob.
    /// </summary>
    public static async Task HoldLibraryFilesAsync(IppDbContext db, IReadOnlyCollection<ExperimentInput> inputs, CancellationToken cancellationToken)
    {
        var keys = inputs.Select(i => i.BlobKey).OfType<string>().Distinct().ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        var held = (db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<string>($"SELECT blob_key AS \"Value\" FROM library_files WHERE blob_key = ANY({keys}) FOR SHARE").ToListAsync(cancellationToken)
            : await db.Set<LibraryFile>().Where(f => keys.Contains(f.BlobKey)).Select(f => f.BlobKey).ToListAsync(cancellationToken)).ToHashSet();
        var problems = inputs.Where(i => i.BlobKey is { } key && !held.Contains(key)).DistinctBy(i => i.Parameter)
            .Select(i => new ParameterProblem(i.Parameter, ExperimentInputSources.NotFound(GlobalId.Encode(LibrarySchema.TypeName, i.LibraryEntryId ?? 0))))
            .ToList();
        if (problems.Count > 0)
        {
            throw new MutationException(new InvalidParametersError(problems));
        }
    }

    /// <summary>
    /// The library file of each input row of a draft, found again through the entries the caller still sees; a row
    /// whose entry or file is gone is a problem of its parameter. A row found names the file's blob (rows recorded
    /// before inputs named blobs get it now).
    /// </summary>
    private async Task<(List<LibraryFile> Files, List<ParameterProblem> Problems)> LibraryFilesAsync(
        IppDbContext db, SignedInCaller caller, IReadOnlyList<ExperimentInput> inputs, CancellationToken cancellationToken)
    {
        var ids = inputs.Select(i => i.LibraryEntryId).OfType<long>().Distinct().ToArray();
        var entries = await LibraryVisibility.Seen(db, policy, caller, Permission.FilesRead).AsNoTracking()
            .Where(e => ids.Contains(e.Id)).Include(e => e.Files).ToDictionaryAsync(e => e.Id, cancellationToken);
        var files = new List<LibraryFile>(inputs.Count);
        var problems = new List<ParameterProblem>();
        foreach (var input in inputs.OrderBy(i => i.Id))
        {
            var path = input.StoredName.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? input.StoredName[(slash + 1)..] : null;
            var file = input.LibraryEntryId is { } entryId && entries.TryGetValue(entryId, out var entry)
                ? entry.Files.FirstOrDefault(f => f.Path == path)
                : null;
            if (file is not null)
            {
                files.Add(file);
                input.BlobKey = file.BlobKey;
                input.Sha256 = file.Sha256;
            }
            else if (problems.All(problem => problem.Name != input.Parameter))
            {
                var entryGlobalId = GlobalId.Encode(LibrarySchema.TypeName, input.LibraryEntryId ?? 0);
                problems.Add(new ParameterProblem(input.Parameter, ExperimentInputSources.NotFound(entryGlobalId)));
            }
        }

        return (files, problems);
    }

    /// <summary>The token's task: the image, the parameters as data, where the inputs are and where the outputs go.</summary>
    private PicasTask Task(Experiment experiment, string imagePath, IEnumerable<LibraryFile> files) =>
        new(
            experiment.TokenId!,
            imagePath,
            JsonNode.Parse(experiment.ParametersJson)!.AsObject(),
            [.. files.Select(file => blobs.Locate(BlobKey.Parse(file.BlobKey)))],
            blobs.LocateFolder(ExperimentTokens.OutputFolder(experiment.Id)));
}
