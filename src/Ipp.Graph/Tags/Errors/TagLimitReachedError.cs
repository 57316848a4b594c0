using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Tags.Errors;

/// <summary>The caller has as many own tags as a user may have (<c>TAG_LIMIT_REACHED</c>).</summary>
public sealed class TagLimitReachedError(int maxTags)
    : MutationError($"You have {maxTags} tags, the most a user may have: delete one first.")
{
    public override string Code => TagsErrorCodes.TagLimitReached;

    /// <summary>The most own tags a user may have (<c>Tags:MaxPerUser</c>).</summary>
    public int MaxTags { get; } = maxTags;
}
