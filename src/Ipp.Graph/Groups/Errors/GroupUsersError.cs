using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Groups.Errors;

/// <summary>Some of the users a membership change named cannot take it; <see cref="UserIds"/> lists them.</summary>
public abstract class GroupUsersError(string message, IReadOnlyList<string> userIds) : MutationError(message)
{
    /// <summary>The global ids of the users concerned, as they were given.</summary>
    public IReadOnlyList<string> UserIds { get; } = userIds;
}

/// <summary>Some user ids name no user (<c>GROUP_USER_NOT_FOUND</c>).</summary>
public sealed class GroupUserNotFoundError(IReadOnlyList<string> userIds)
    : GroupUsersError($"No user has the id {string.Join(", ", userIds.Select(id => $"'{id}'"))}.", userIds)
{
    public override string Code => GroupsErrorCodes.GroupUserNotFound;
}

/// <summary>Some users are members already (<c>ALREADY_GROUP_MEMBER</c>).</summary>
public sealed class AlreadyGroupMemberError(IReadOnlyList<string> userIds)
    : GroupUsersError($"Already members of the group: {string.Join(", ", userIds)}.", userIds)
{
    public override string Code => GroupsErrorCodes.AlreadyGroupMember;
}

/// <summary>Some users are not members (<c>NOT_GROUP_MEMBER</c>).</summary>
public sealed class NotGroupMemberError(IReadOnlyList<string> userIds)
    : GroupUsersError($"Not members of the group: {string.Join(", ", userIds)}.", userIds)
{
    public override string Code => GroupsErrorCodes.NotGroupMember;
}
