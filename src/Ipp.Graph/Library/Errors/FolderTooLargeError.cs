using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Errors;

/// <summary>A folder holds more files than <c>Library:MaxFolderFiles</c> (<c>FOLDER_TOO_LARGE</c>).</summary>
public sealed class FolderTooLargeError(string name, int maxFiles)
    : MutationError($"The folder '{name}' holds more than {maxFiles} files, the most a library folder may hold.")
{
    public override string Code => LibraryErrorCodes.FolderTooLarge;

    public string Name { get; } = name;

    public int MaxFiles { get; } = maxFiles;
}
