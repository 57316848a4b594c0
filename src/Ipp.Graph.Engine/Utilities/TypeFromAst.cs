using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Resolves a type reference written in a document against a schema.</summary>
public static class TypeFromAst
{
    /// <summary>The schema type the reference names, with its wrappers; null when the named type does not exist.</summary>
    public static GraphQLType? Resolve(Schema schema, TypeNode typeNode) => typeNode switch
    {
        NamedTypeNode named => schema.GetType(named.Name.Value),
        ListTypeNode list => Resolve(schema, list.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nonNull => Resolve(schema, nonNull.Type) is { } inner && inner is not NonNullType ? new NonNullType(inner) : null,
        _ => null,
    };
}
