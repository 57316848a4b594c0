using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Groups.Errors;

/// <summary>No group has the id (<c>GROUP_NOT_FOUND</c>).</summary>
public sealed class GroupNotFoundError(string id) : MutationError($"No group has the id '{id}'.")
{
    public override string Code => GroupsErrorCodes.GroupNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
