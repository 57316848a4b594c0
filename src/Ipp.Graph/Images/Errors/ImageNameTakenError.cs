using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>Another image has the name (<c>IMAGE_NAME_TAKEN</c>).</summary>
public sealed class ImageNameTakenError(string name) : MutationError($"Another image is named '{name}'.")
{
    public override string Code => ImagesErrorCodes.ImageNameTaken;
}
