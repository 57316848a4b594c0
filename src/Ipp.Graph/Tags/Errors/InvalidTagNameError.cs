using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Tags.Errors;

/// <summary>The name cannot name a tag (<c>INVALID_TAG_NAME</c>); the message says why.</summary>
public sealed class InvalidTagNameError(string message, int maxLength) : MutationError(message)
{
    public override string Code => TagsErrorCodes.InvalidTagName;

    /// <summary>The most characters a name may have (<c>Tags:MaxNameLength</c>).</summary>
    public int MaxLength { get; } = maxLength;
}
