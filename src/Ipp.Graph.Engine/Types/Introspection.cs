namespace Ipp.Graph.Engine.Types;

/// <summary>The introspection types (<c>__Schema</c>, <c>__Type</c>, ...) that every schema contains.</summary>
public static class Introspection
{
    /// <summary>Every introspection type, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<NamedType> Types { get; } = [];
}
