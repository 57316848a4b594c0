namespace Ipp.Graph.Engine.Language;

/// <summary>A 1-based line and column in a <see cref="Source"/>, as GraphQL errors report them.</summary>
public readonly record struct SourceLocation(int Line, int Column);
