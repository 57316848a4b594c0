using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Groups.Errors;

/// <summary>A membership change named no users, or more than allowed at once (<c>INVALID_GROUP_USERS</c>).</summary>
public sealed class InvalidGroupUsersError(int given, int maxUsers)
    : MutationError(given == 0 ? "Name at least one user." : $"At most {maxUsers} users can be named at once; {given} were.")
{
    public override string Code => GroupsErrorCodes.InvalidGroupUsers;

    /// <summary>The most users one change may name (<c>Groups:MaxUsersPerChange</c>).</summary>
    public int MaxUsers { get; } = maxUsers;
}
