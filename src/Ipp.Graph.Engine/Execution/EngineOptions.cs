namespace Ipp.Graph.Engine.Execution;

/// <summary>The engine's limits and caches; every limit has a default that suits a public API.</summary>
public sealed class EngineOptions
{
}
