namespace Ipp.Graph.Engine.Types;

/// <summary>
/// The introspection types (<c>__Schema</c>, <c>__Type</c>, ...) that every schema contains, and the meta-fields
/// <c>__schema</c>, <c>__type</c> (on the query type) and <c>__typename</c> (on every composite type).
/// </summary>
public static class Introspection
{
    /// <summary>Every introspection type, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<NamedType> Types { get; } = [];

    /// <summary><c>__schema: __Schema!</c>.</summary>
    public static FieldDefinition SchemaMetaField => throw new NotImplementedException();

    /// <summary><c>__type(name: String!): __Type</c>.</summary>
    public static FieldDefinition TypeMetaField => throw new NotImplementedException();

    /// <summary><c>__typename: String!</c>.</summary>
    public static FieldDefinition TypeNameMetaField => throw new NotImplementedException();
}
