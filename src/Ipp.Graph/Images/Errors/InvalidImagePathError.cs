using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Images.Errors;

/// <summary>The path cannot be an image's (<c>INVALID_IMAGE_PATH</c>); the message says why.</summary>
public sealed class InvalidImagePathError(string message, int maxLength) : MutationError(message)
{
    public override string Code => ImagesErrorCodes.InvalidImagePath;

    /// <summary>The most characters a path may have.</summary>
    public int MaxLength { get; } = maxLength;

    /// <summary>The schemes a path may start with, besides an absolute path of a <c>.sif</c> file.</summary>
    public IReadOnlyList<string> Schemes => ImagePaths.Schemes;
}
