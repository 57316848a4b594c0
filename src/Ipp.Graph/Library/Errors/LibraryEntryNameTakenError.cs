using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Errors;

/// <summary>The caller has an entry of that name, or the upload holds two (<c>ENTRY_NAME_TAKEN</c>).</summary>
public sealed class LibraryEntryNameTakenError(string name)
    : MutationError($"Your library already has an entry named '{name}' (names are compared without regard to case), or this upload holds two. Rename or delete it first.")
{
    public override string Code => LibraryErrorCodes.EntryNameTaken;

    public string Name { get; } = name;
}
