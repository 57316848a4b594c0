using System.Text.Json.Nodes;
using Ipp.Graph.Applications;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Images;

namespace Ipp.Graph.Experiments.Snapshots;

/// <summary>
/// The contract's <c>RanApplication</c>: the application an experiment runs as it was when it was submitted (a draft:
/// when it was created or last edited), read from its snapshot, the catalogue's (<see cref="CatalogueSnapshot"/>) or
/// the image's (<see cref="Tokens.ImageSnapshot"/>), in one shape for both kinds.
/// </summary>
/// <param name="Key">The key the experiment names it by (<see cref="Experiment.ApplicationKey"/>).</param>
/// <param name="Label">The catalogue entry's label, or the image's name.</param>
/// <param name="Description">The catalogue entry's description (HTML); null for an image.</param>
/// <param name="Version">The image's version; null for a catalogue entry.</param>
/// <param name="Path">The image's path; null for a catalogue entry.</param>
/// <param name="Fields">The parameters it took.</param>
public sealed record RanApplication(
    string Key, ApplicationKind Kind, string Label, string? Description, int? Version, string? Path, IReadOnlyList<ApplicationField> Fields)
{
    /// <summary>What <paramref name="experiment"/>'s snapshot says; null when it has none (made before they were kept).</summary>
    public static RanApplication? Of(Experiment experiment)
    {
        if (experiment.ImageSnapshotJson is { } image)
        {
            var snapshot = JsonNode.Parse(image)!.AsObject();
            return new RanApplication(
                experiment.ApplicationKey,
                ApplicationKind.Image,
                (string)snapshot["name"]!,
                null,
                (int)snapshot["version"]!,
                (string)snapshot["path"]!,
                ImageParameters.FromJson(snapshot["parameters"]!.ToJsonString()));
        }

        if (experiment.CatalogueSnapshotJson is { } entry)
        {
            var snapshot = JsonNode.Parse(entry)!.AsObject();
            return new RanApplication(
                experiment.ApplicationKey,
                ApplicationKind.Catalogue,
                (string)snapshot["label"]!,
                (string?)snapshot["description"],
                null,
                null,
                ImageParameters.FromJson(snapshot["fields"]!.ToJsonString()));
        }

        return null;
    }
}
