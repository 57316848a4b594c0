using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Groups.Errors;

/// <summary>The name cannot name a group (<c>INVALID_GROUP_NAME</c>); the message says why.</summary>
public sealed class InvalidGroupNameError(string message, int maxLength) : MutationError(message)
{
    public override string Code => GroupsErrorCodes.InvalidGroupName;

    /// <summary>The most characters a name may have.</summary>
    public int MaxLength { get; } = maxLength;
}
