using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups;

namespace Ipp.Graph.Library.Sharing.Errors;

/// <summary>No group the caller belongs to has the id (<c>GROUP_NOT_FOUND</c>).</summary>
public sealed class ShareGroupNotFoundError(string id) : MutationError($"No group you belong to has the id '{id}'.")
{
    public override string Code => GroupsErrorCodes.GroupNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
