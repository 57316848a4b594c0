using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Bulk;

/// <summary>A bulk mutation names more experiments, or more tags, than <c>Experiments:MaxBulkItems</c> (<c>BULK_LIMIT_EXCEEDED</c>).</summary>
/// <param name="what">What was named: "experiments" or "tags".</param>
public sealed class BulkLimitExceededError(string what, int given, int maxItems)
    : MutationError($"At most {maxItems} {what} can be named at once; {given} were. Nothing was changed.")
{
    public override string Code => ExperimentsErrorCodes.BulkLimitExceeded;

    /// <summary>The most experiments, and the most tags, one bulk mutation may name.</summary>
    public int MaxItems { get; } = maxItems;
}
