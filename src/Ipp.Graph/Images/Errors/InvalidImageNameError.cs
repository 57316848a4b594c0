using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>The name cannot name an image (<c>INVALID_IMAGE_NAME</c>); the message says why.</summary>
public sealed class InvalidImageNameError(string message, int maxLength) : MutationError(message)
{
    public override string Code => ImagesErrorCodes.InvalidImageName;

    /// <summary>The most characters a name may have.</summary>
    public int MaxLength { get; } = maxLength;
}
