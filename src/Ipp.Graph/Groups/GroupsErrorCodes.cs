namespace Ipp.Graph.Groups;

/// <summary>The <c>extensions.code</c> values of the group mutations' errors.</summary>
public static class GroupsErrorCodes
{
    /// <summary>No group has this id (it never existed or was deleted).</summary>
    public const string GroupNotFound = "GROUP_NOT_FOUND";

    /// <summary>Another group has this name (compared without regard to case and surrounding spaces).</summary>
    public const string GroupNameTaken = "GROUP_NAME_TAKEN";

    /// <summary>The name is empty, longer than <c>Groups:MaxNameLength</c>, or holds control characters.</summary>
    public const string InvalidGroupName = "INVALID_GROUP_NAME";

    /// <summary>Some of the user ids name no user; the error's <c>userIds</c> lists them.</summary>
    public const string GroupUserNotFound = "GROUP_USER_NOT_FOUND";

    /// <summary>Some of the users are members of the group already; the error's <c>userIds</c> lists them.</summary>
    public const string AlreadyGroupMember = "ALREADY_GROUP_MEMBER";

    /// <summary>Some of the users are not members of the group; the error's <c>userIds</c> lists them.</summary>
    public const string NotGroupMember = "NOT_GROUP_MEMBER";

    /// <summary>No users, or more than <c>Groups:MaxUsersPerChange</c>, were named at once.</summary>
    public const string InvalidGroupUsers = "INVALID_GROUP_USERS";
}
