using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>The engine options of the oracle runs: every limit high enough never to interfere (graphql-js has none).</summary>
internal static class OracleEngineOptions
{
    public static EngineOptions Create() => new();
}
