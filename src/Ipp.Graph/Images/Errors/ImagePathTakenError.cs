using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>Another image has the path (<c>IMAGE_PATH_TAKEN</c>).</summary>
public sealed class ImagePathTakenError(string path) : MutationError($"Another image has the path '{path}'.")
{
    public override string Code => ImagesErrorCodes.ImagePathTaken;
}
