using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The engine options of the oracle runs: the size and shape limits graphql-js does not have are off (0, or no
/// length limit); the error limits stay at their defaults, which are graphql-js's.
/// </summary>
internal static class OracleEngineOptions
{
    public static EngineOptions Create() => new()
    {
        MaxDocumentLength = int.MaxValue,
        MaxTokens = 0,
        MaxDepth = 0,
        MaxFields = 0,
        MaxAliases = 0,
    };
}
