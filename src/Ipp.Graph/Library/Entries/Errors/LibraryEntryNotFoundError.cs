using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Entries.Errors;

/// <summary>
/// No entry of the caller's own has the id (<c>ENTRY_NOT_FOUND</c>): an entry of someone else's, even one shared with
/// the caller, answers exactly as one that does not exist.
/// </summary>
public sealed class LibraryEntryNotFoundError(string id) : MutationError($"Your library has no entry with the id '{id}'.")
{
    public override string Code => LibraryErrorCodes.EntryNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
