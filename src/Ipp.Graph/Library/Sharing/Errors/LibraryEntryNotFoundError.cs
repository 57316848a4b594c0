using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>No entry of the caller's own has the id (<c>ENTRY_NOT_FOUND</c>).</summary>
public sealed class LibraryEntryNotFoundError(string id) : MutationError($"No entry of your library has the id '{id}'.")
{
    public override string Code => SharingErrorCodes.EntryNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
