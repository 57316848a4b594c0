using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Errors;

/// <summary>A file's path cannot be used (<c>INVALID_PATH</c>).</summary>
/// <param name="path">The path as the client gave it.</param>
/// <param name="reason">What is wrong with it, a sentence.</param>
public sealed class InvalidLibraryPathError(string path, string reason) : MutationError($"The path '{path}' cannot be used: {reason}")
{
    public override string Code => LibraryErrorCodes.InvalidPath;

    public string Path { get; } = path;
}
