using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Library.Entries.Errors;

/// <summary>A change names more entries, or more tags, than <c>Library:MaxIdsPerChange</c> (<c>TOO_MANY_IDS</c>).</summary>
public sealed class TooManyIdsError(int given, int maxIds)
    : MutationError($"At most {maxIds} ids can be named at once; {given} were.")
{
    public override string Code => LibraryErrorCodes.TooManyIds;

    /// <summary>The most ids of each kind one change may name.</summary>
    public int MaxIds { get; } = maxIds;
}
