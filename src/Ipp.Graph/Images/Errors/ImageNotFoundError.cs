using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>No image the caller may change has the id (<c>IMAGE_NOT_FOUND</c>).</summary>
public sealed class ImageNotFoundError(string id) : MutationError($"No image has the id '{id}'.")
{
    public override string Code => ImagesErrorCodes.ImageNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
