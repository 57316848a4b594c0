using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Tags.Errors;

/// <summary>No tag the caller may use has the id (<c>TAG_NOT_FOUND</c>).</summary>
public sealed class TagNotFoundError(string id) : MutationError($"You have no tag with the id '{id}'.")
{
    public override string Code => TagsErrorCodes.TagNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
