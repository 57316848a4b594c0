using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Snapshots;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Images;
using Ipp.Graph.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// <c>cloneExperiment</c>: any experiment the caller may read (as <c>node(id:)</c> decides:
/// <see cref="ExperimentAccess"/> with <c>experiments:read</c>) becomes a new draft of the caller's on the same
/// application, with its name (or the one given), description, parameters, the tags of it the caller may use, and its
/// inputs; never its outputs. The values are checked again against the application as the caller may run it now (the
/// one validator of a creation), the experiment limit and the quota apply to the caller, who pays for the bytes copied.
/// A catalogue experiment's input files are linked (or copied) from its folder into the clone's, never moved
/// (<see cref="ExperimentWriter.PlaceAsync"/>, as a creation is stored); an image experiment's input rows are copied
/// (<see cref="ExperimentInput.CopyForAnother"/>) and reference the same library files. The source is marked in flight
/// while it is read and copied, so its deletion waits for the clone (or came first: EXPERIMENT_NOT_FOUND): a clone is
/// whole or not made.
/// </summary>
public sealed class ExperimentCloner(
    IDbContextFactory<IppDbContext> databases,
    ExperimentAccess access,
    NewExperimentValidator validator,
    ExperimentWriter writer,
    UserQuota quota,
    ExperimentEvents events,
    IExperimentsInFlight inFlight,
    AccessPolicy policy,
    TimeProvider clock)
{
    /// <summary>Clones the experiment <see cref="CloneExperimentInput.Id"/> into a new draft of the caller's.</summary>
    public async Task<Experiment> CloneAsync(SignedInCaller caller, CloneExperimentInput input, VisibleApplications visible, CancellationToken cancellationToken)
    {
        var sourceId = GlobalId.TryDecode(input.Id, ExperimentsSchema.TypeName, out var key)
            ? key
            : throw new MutationException(new ExperimentNotFoundError(input.Id));
        await using var holding = await inFlight.BeginAsync(sourceId, cancellationToken);
        Experiment source;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            source = await access.Reachable(db, caller, Permission.ExperimentsRead).Include(e => e.Inputs).Include(e => e.Tags)
                .FirstOrDefaultAsync(e => e.Id == sourceId, cancellationToken)
                ?? throw new MutationException(new ExperimentNotFoundError(input.Id));
        }

        var rows = source.Inputs.OrderBy(row => row.Id).ToList();
        var now = clock.UtcNowToMillisecond();
        var clone = new Experiment
        {
            UserId = caller.UserId,
            ApplicationKey = source.ApplicationKey,
            Name = input.Name ?? source.Name,
            Description = source.Description,
            ParametersJson = source.ParametersJson,
            Status = ExperimentStatus.Staging,
            StatusChangedAt = now,
            CreatedAt = now,
            // Another's choice of mail is theirs: the caller's own applies to their clone.
            MailWhenDone = source.UserId == caller.UserId ? source.MailWhenDone : null,
        };
        clone.Inputs.AddRange(rows.Select(row => row.CopyForAnother()));
        var tagKeys = source.Tags.Select(tag => tag.TagId).ToArray();
        Task<long[]> Tags(IppDbContext db, CancellationToken token) => UsableTagsAsync(db, caller.UserId, tagKeys, token);
        return source.TokenId is null
            ? await CloneCatalogueExperimentAsync(caller, source, clone, rows, visible, Tags, cancellationToken)
            : await CloneImageExperimentAsync(caller, source, clone, Tags, cancellationToken);
    }

    private async Task<Experiment> CloneCatalogueExperimentAsync(
        SignedInCaller caller,
        Experiment source,
        Experiment clone,
        List<ExperimentInput> rows,
        VisibleApplications visible,
        Func<IppDbContext, CancellationToken, Task<long[]>> tags,
        CancellationToken cancellationToken)
    {
        var application = visible.Runnable(source.ApplicationKey);
        ParameterValidation validation;
        using (var parameters = JsonDocument.Parse(source.ParametersJson))
        {
            var values = new CreateExperimentInput(clone.ApplicationKey, clone.Name, clone.Description, parameters.RootElement, null, Draft: true);
            validation = validator.Validate(values, [.. DraftFiles.Parameters(rows)], []);
        }

        clone.ParametersJson = validation.ParametersJson!;
        clone.CatalogueSnapshotJson = CatalogueSnapshot.Of(application);
        var files = rows.Zip(clone.Inputs, (row, copy) => new PlannedInput(copy, null, null, new ExistingFile(source.UserId, source.Id, row.StoredName))).ToList();
        try
        {
            return await writer.PlaceAsync(
                clone, tags, new ExperimentManifest(caller.Email, validation.ManifestParametersJson!), files, ExperimentStatus.Editing, cancellationToken);
        }
        catch (ExperimentFileGoneException gone)
        {
            var row = rows.First(r => r.StoredName == gone.File.StoredName);
            throw new MutationException(new InvalidParametersError(
                [new ParameterProblem(row.Parameter, $"the file '{row.StoredName}' is no longer in the folder of the experiment cloned")]));
        }
    }

    private async Task<Experiment> CloneImageExperimentAsync(
        SignedInCaller caller, Experiment source, Experiment clone, Func<IppDbContext, CancellationToken, Task<long[]>> tags, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var image = await ImageVisibility.FindAsync(db, policy, caller, source.ImageId, cancellationToken)
            ?? throw new MutationException(new ApplicationUnknownError(source.ApplicationKey));
        using (var parameters = JsonDocument.Parse(source.ParametersJson))
        {
            var validation = ParameterValidator.Validate(
                ImageApplication.Of(ImageView.Of(image)), parameters.RootElement, [.. DraftFiles.Parameters(clone.Inputs)], clone.Name, clone.Description);
            clone.ParametersJson = validation.IsValid ? validation.ParametersJson! : throw new MutationException(new InvalidParametersError(validation.Problems));
        }

        clone.ImageId = image.Id;
        clone.ImageSnapshotJson = ImageSnapshot.Of(image);
        var userId = caller.UserId;
        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        await quota.EnsureRoomForExperimentAsync(db, userId, cancellationToken);
        var tagKeys = await tags(db, cancellationToken);
        db.Experiments.Add(clone);
        await db.SaveChangesAsync(cancellationToken);
        clone.TokenId = ExperimentTokens.TokenId(clone.Id);
        clone.Tags.AddRange(tagKeys.Select(tag => new ExperimentTag { ExperimentId = clone.Id, TagId = tag }));
        clone.StoredBytes = ImageExperiments.StoredBytesOf(clone);
        await db.SaveChangesAsync(cancellationToken);
        await quota.EnsureWithinQuotaAsync(db, userId, clone.StoredBytes, "This experiment (its texts)", cancellationToken);
        var change = await events.TryChangeInAsync(db, clone.Id, userId, ExperimentStatus.Staging, ExperimentStatus.Editing, null, cancellationToken)
            ?? throw new InvalidOperationException($"The new experiment {clone.Id} was not Staging.");
        await transaction.CommitAsync(cancellationToken);
        events.Announce(change);
        clone.Status = ExperimentStatus.Editing;
        clone.StatusChangedAt = change.OccurredAt;
        return clone;
    }

    /// <summary>Of the source's tags, those the caller may use (their own and the custom ones), held as a creation's are.</summary>
    private static async Task<long[]> UsableTagsAsync(IppDbContext db, long userId, long[] keys, CancellationToken cancellationToken)
    {
        var usable = await TagService.Usable(db, userId).Where(tag => keys.Contains(tag.Id)).Select(tag => tag.Id).ToListAsync(cancellationToken);
        return await TagService.UsableKeysAsync(db, userId, [.. usable.Select(tag => GlobalId.Encode(TagService.TypeName, tag))], cancellationToken);
    }
}
