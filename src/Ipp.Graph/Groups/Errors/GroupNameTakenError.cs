using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Groups.Errors;

/// <summary>Another group has the name (<c>GROUP_NAME_TAKEN</c>).</summary>
public sealed class GroupNameTakenError(string name) : MutationError($"Another group is named '{name}'.")
{
    public override string Code => GroupsErrorCodes.GroupNameTaken;
}
