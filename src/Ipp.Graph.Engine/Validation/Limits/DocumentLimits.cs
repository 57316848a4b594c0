namespace Ipp.Graph.Engine.Validation.Limits;

/// <summary>
/// How big an operation may be, checked by <see cref="DocumentLimitChecker"/> before validation. Each limit applies
/// to every operation and every fragment of a document on its own, fragments expanded; null means unlimited.
/// </summary>
public sealed record DocumentLimits
{
    /// <summary>No limits at all.</summary>
    public static DocumentLimits None { get; } = new();

    /// <summary>The deepest nesting of fields: <c>{ a }</c> is 1 deep, <c>{ a { b } }</c> 2.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>The most field selections, counting a fragment's fields once for every place it is spread.</summary>
    public int? MaxFields { get; init; }

    /// <summary>The most aliased field selections, counting a fragment's once for every place it is spread.</summary>
    public int? MaxAliases { get; init; }
}
