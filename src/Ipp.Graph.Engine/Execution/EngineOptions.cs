namespace Ipp.Graph.Engine.Execution;

/// <summary>The engine's limits and caches; every limit has a default that suits a public API.</summary>
public sealed class EngineOptions
{
    /// <summary>The options with every default.</summary>
    public static EngineOptions Default { get; } = new();

    /// <summary>
    /// Longest document accepted, in characters, checked before parsing (error code DOCUMENT_TOO_LARGE).
    /// Default 100 000.
    /// </summary>
    public int MaxDocumentLength { get; init; } = 100_000;

    /// <summary>Most tokens the parser reads before giving up (error code MAX_TOKENS_EXCEEDED); 0 for no limit. Default 15 000.</summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// Deepest nesting of fields in an operation or fragment, fragments expanded (<c>{ a { b } }</c> is 2 deep),
    /// checked before validation (error code MAX_DEPTH_EXCEEDED); 0 for no limit. Default 20 (graphql-js's full
    /// introspection query, every option on, is 15 deep).
    /// </summary>
    public int MaxDepth { get; init; } = 20;

    /// <summary>
    /// Most field selections in an operation or fragment, a fragment counted wherever it is spread, checked before
    /// validation (error code MAX_FIELDS_EXCEEDED); 0 for no limit. Default 2 000.
    /// </summary>
    public int MaxFields { get; init; } = 2_000;

    /// <summary>
    /// Most aliased field selections in an operation or fragment, a fragment counted wherever it is spread,
    /// checked before validation (error code MAX_ALIASES_EXCEEDED); 0 for no limit. Default 50.
    /// </summary>
    public int MaxAliases { get; init; } = 50;

    /// <summary>Most validation errors reported for one document; validation stops there, with one more error saying so. Default 100 (as graphql-js).</summary>
    public int MaxValidationErrors { get; init; } = 100;

    /// <summary>Most variable coercion errors reported for one request; coercion stops there. Default 50 (as graphql-js).</summary>
    public int MaxCoercionErrors { get; init; } = 50;

    /// <summary>
    /// Longest time one execution (a query, a mutation, or one event of a subscription) may take; when it is up,
    /// resolvers' cancellation token is cancelled, pending work is abandoned and the response is an error with
    /// code EXECUTION_TIMEOUT. <see cref="Timeout.InfiniteTimeSpan"/> for no limit. Default 30 seconds.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many distinct documents (by query text) stay parsed, validated and planned; the least recently used
    /// are evicted beyond that, or beyond 4 000 characters of text per document on average (so large documents
    /// cannot fill memory; a document longer than a tenth of that total is not cached). 0 disables the cache.
    /// Default 1 000.
    /// </summary>
    public int DocumentCacheSize { get; init; } = 1_000;

    /// <summary>The average text length per cached document the cache's memory is sized for.</summary>
    internal const int CachedCharactersPerDocument = 4_000;
}
