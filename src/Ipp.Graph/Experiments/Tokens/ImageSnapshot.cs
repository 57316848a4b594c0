using System.Text.Json.Nodes;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Images;
using Ipp.Graph.Images.Entities;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// The image an experiment runs, as it was when the experiment was created or submitted (column
/// <c>image_snapshot</c>): its global id, name, path, version and parameter definitions, so which version ran is
/// known after the image changes or is deleted (issue 13).
/// </summary>
public static class ImageSnapshot
{
    /// <summary>The snapshot of <paramref name="image"/> as JSON.</summary>
    public static string Of(ContainerImage image) =>
        new JsonObject
        {
            ["id"] = GlobalId.Encode(ImageView.TypeName, image.Id),
            ["name"] = image.Name,
            ["path"] = image.Path,
            ["version"] = image.Version,
            ["parameters"] = JsonNode.Parse(image.ParametersJson),
        }.ToJsonString();
}
