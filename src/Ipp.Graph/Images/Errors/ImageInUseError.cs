using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>Experiments on the image wait or run, so it is not deleted (<c>IMAGE_IN_USE</c>).</summary>
public sealed class ImageInUseError(string id, int experiments)
    : MutationError($"The image '{id}' has {experiments} experiment(s) waiting or running; delete it once they ended.")
{
    public override string Code => ImagesErrorCodes.ImageInUse;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;

    /// <summary>How many experiments on the image are SUBMITTED or RUNNING.</summary>
    public int Experiments { get; } = experiments;
}
