using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The engine options of the oracle runs: the size and shape limits graphql-js does not have are raised far above
/// anything in the corpus; the error limits stay at their defaults, which are graphql-js's.
/// </summary>
internal static class OracleEngineOptions
{
    public static EngineOptions Create() => new()
    {
        MaxDocumentLength = int.MaxValue,
        MaxTokens = 0,
        MaxDepth = 1_000,
        MaxFields = 1_000_000,
        MaxAliases = 1_000_000,
    };
}
