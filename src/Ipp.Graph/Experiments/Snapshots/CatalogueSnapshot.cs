using System.Text.Json.Nodes;
using Ipp.Graph.Applications;
using Ipp.Graph.Images;

namespace Ipp.Graph.Experiments.Snapshots;

/// <summary>
/// The catalogue entry an experiment runs, as it was when the experiment was created, edited or submitted (column
/// <c>catalogue_snapshot</c>): its key, label, description and fields (those <c>parameters</c> and <c>files</c> took,
/// stored as an image's are, <see cref="ImageParameters.ToJson"/>), so which version ran is known after the catalogue
/// file changes (it is read at start) or loses the entry. The image's counterpart is <see cref="Tokens.ImageSnapshot"/>;
/// <see cref="RanApplication"/> reads both alike.
/// </summary>
public static class CatalogueSnapshot
{
    /// <summary>The snapshot of <paramref name="application"/> (a catalogue entry) as JSON.</summary>
    public static string Of(Application application) =>
        new JsonObject
        {
            ["key"] = application.Key,
            ["label"] = application.Label,
            ["description"] = application.Description,
            ["fields"] = JsonNode.Parse(ImageParameters.ToJson(application.Fields)),
        }.ToJsonString();
}
