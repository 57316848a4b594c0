using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Applications;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Tokens.Errors;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Images;
using Ipp.Graph.Images.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// <c>editExperiment</c> on a draft on a container image: no folder, so the edit is one transaction of the user's
/// writers, which <c>submitExperiment</c>'s (<see cref="ImageExperiments.TrySubmitAsync"/>) excludes: the one that
/// comes second sees the other's outcome (a submitted draft is no longer editable). Files are library entries only (an
/// upload is <see cref="UploadNotAcceptedError"/>), referenced as on creation (<see cref="ImageExperiments.InputRows"/>);
/// the values are checked by the one <see cref="ParameterValidator"/> against the image as the caller may use it now,
/// which the snapshot then records.
/// </summary>
public sealed class ImageDraftEditor(IDbContextFactory<IppDbContext> databases, AccessPolicy policy, ExperimentInputSources sources, UserQuota quota)
{
    /// <summary>Edits <paramref name="found"/>, the caller's draft on an image as read before; the experiment as it now is.</summary>
    public async Task<Experiment> EditAsync(SignedInCaller caller, Experiment found, EditExperimentInput input, CancellationToken cancellationToken)
    {
        if (input.AddFiles?.FirstOrDefault(file => file.File is not null) is { } upload)
        {
            throw new MutationException(new UploadNotAcceptedError(upload.Parameter));
        }

        var given = await sources.ResolveAsync(caller, input.AddFiles, cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, found.UserId, cancellationToken);
        var experiment = await db.Experiments.Include(e => e.Inputs).FirstOrDefaultAsync(e => e.Id == found.Id, cancellationToken)
            ?? throw new MutationException(new ExperimentNotFoundError(input.Id));
        if (experiment.Status != ExperimentStatus.Editing)
        {
            throw new MutationException(new ExperimentNotEditableError(experiment.Status, "edited"));
        }

        var image = await ImageVisibility.FindAsync(db, policy, caller, experiment.ImageId, cancellationToken)
            ?? throw new MutationException(new ApplicationUnknownError(experiment.ApplicationKey));
        var (kept, removed, removalProblems) = DraftFiles.Remove(experiment.Inputs, input.RemoveFiles);
        var name = input.Name ?? experiment.Name;
        var description = input.Description ?? experiment.Description;
        ParameterValidation validation;
        using (var stored = JsonDocument.Parse(experiment.ParametersJson))
        {
            validation = ParameterValidator.Validate(
                ImageApplication.Of(ImageView.Of(image)), input.Parameters ?? stored.RootElement, [.. DraftFiles.Parameters(kept), .. given.Parameters], name, description);
        }

        if (!validation.IsValid || removalProblems.Count > 0 || given.Problems.Count > 0)
        {
            throw new MutationException(new InvalidParametersError([.. validation.Problems, .. removalProblems, .. given.Problems]));
        }

        var bytesBefore = experiment.StoredBytes;
        foreach (var row in removed)
        {
            experiment.Inputs.Remove(row);
            db.ExperimentInputs.Remove(row);
        }

        var added = ImageExperiments.InputRows(PlannedInputs.Plan(given.Files, DraftFiles.NamesTakenBy(kept))).ToList();
        await ImageExperiments.HoldLibraryFilesAsync(db, added, cancellationToken);
        experiment.Inputs.AddRange(added);
        experiment.Name = name;
        experiment.Description = description;
        experiment.ParametersJson = validation.ParametersJson!;
        experiment.ImageSnapshotJson = ImageSnapshot.Of(image);
        experiment.StoredBytes = ImageExperiments.StoredBytesOf(experiment);
        await db.SaveChangesAsync(cancellationToken);
        if (experiment.StoredBytes > bytesBefore)
        {
            await quota.EnsureWithinQuotaAsync(db, experiment.UserId, experiment.StoredBytes - bytesBefore, "This draft as edited (its texts)", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return experiment;
    }
}
