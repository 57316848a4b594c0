using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>No tag the caller may use has the id (<c>TAG_NOT_FOUND</c>).</summary>
public sealed class TagNotFoundError(string id) : MutationError($"No tag of yours, and no custom tag, has the id '{id}'.")
{
    public override string Code => SharingErrorCodes.TagNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
