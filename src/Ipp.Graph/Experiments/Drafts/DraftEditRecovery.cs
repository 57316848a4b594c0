using System.Globalization;
using System.Text.Json.Nodes;
using Ipp.Graph.Applications;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>
/// Settles, at start (<see cref="StagingRecovery"/>), an edit of a draft (<see cref="DraftEditor"/>) a crash
/// interrupted: the staging folder then holds the edit's new folder (<c>&lt;eid&gt;.edit</c>) or the draft's old one
/// (<c>&lt;eid&gt;.replaced</c>), and the draft's own place may hold either. The database decides, since the edit
/// committed or not: of the three folders, the one whose experiment.json describes the row (its name, description,
/// parameters and files) takes the draft's place, and the others are removed.
/// </summary>
public sealed class DraftEditRecovery(IDbContextFactory<IppDbContext> databases, UploadFolder folder, ILogger<DraftEditRecovery> logger)
{
    private const string DiscardedSuffix = ".discarded";

    /// <summary>True when <paramref name="name"/>, an entry of the staging folder, is an edit's folder; its eid.</summary>
    public static bool IsEditFolder(string name, out long experimentId)
    {
        experimentId = 0;
        foreach (var suffix in (ReadOnlySpan<string>)[DraftEditor.EditSuffix, DraftEditor.ReplacedSuffix, DiscardedSuffix])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return long.TryParse(name[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out experimentId);
            }
        }

        return false;
    }

    /// <summary>Puts the folder the database describes in the draft's place and removes the others of the edit.</summary>
    public async Task SettleAsync(long experimentId, CancellationToken cancellationToken)
    {
        var id = experimentId.ToString(CultureInfo.InvariantCulture);
        var edit = Path.Combine(folder.StagingPath, id + DraftEditor.EditSuffix);
        var replaced = Path.Combine(folder.StagingPath, id + DraftEditor.ReplacedSuffix);
        var discarded = Path.Combine(folder.StagingPath, id + DiscardedSuffix);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Experiments.AsNoTracking().Include(e => e.Inputs).FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken);
        if (row is { Status: ExperimentStatus.Editing })
        {
            var draft = folder.ExperimentPath(row.UserId, ExperimentStatus.Editing, experimentId);
            string[] present = [.. new[] { draft, replaced, edit }.Where(Directory.Exists)];
            var chosen = present.FirstOrDefault(candidate => Describes(candidate, row)) ?? present.FirstOrDefault();
            if (chosen is not null && chosen != draft)
            {
                if (Directory.Exists(draft))
                {
                    DurableDirectory.Move(draft, discarded);
                }

                DurableDirectory.Move(chosen, draft);
            }

            logger.LogInformation("The edit of draft {ExperimentId} was interrupted by the server's stop: the draft is as the database says", experimentId);
        }

        foreach (var leftover in new[] { edit, replaced, discarded }.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(leftover, recursive: true);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(failure, "Could not remove {Path}; the next start removes it", leftover);
            }
        }
    }

    /// <summary>Whether the experiment.json in <paramref name="candidate"/> describes <paramref name="row"/>.</summary>
    private static bool Describes(string candidate, Experiment row)
    {
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllBytes(Path.Combine(candidate, StoredFileNames.ManifestName)))!.AsObject();
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return false;
        }

        var parameters = manifest["parameters"]?.DeepClone() as JsonObject ?? [];
        parameters.Remove(Application.CatalogNameField);
        parameters.Remove(Application.CatalogDescriptionField);
        var files = (manifest["files"] as JsonArray ?? [])
            .Select(file => ((string?)file?["parameter"], (string?)file?["name"], (long?)file?["size"]))
            .Order();
        var rows = row.Inputs.Select(input => ((string?)input.Parameter, (string?)input.StoredName, (long?)input.Size)).Order();
        return (string?)manifest["name"] == row.Name
            && (string?)manifest["description"] == row.Description
            && JsonNode.DeepEquals(parameters, JsonNode.Parse(row.ParametersJson))
            && files.SequenceEqual(rows);
    }
}
