namespace Ipp.Graph.Engine.Language.Ast;

/// <summary>A type reference: <c>Name</c>, <c>[T]</c> or <c>T!</c>.</summary>
public abstract class TypeNode : Node
{
}

/// <summary>A reference to a named type.</summary>
public sealed class NamedTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.NamedType;

    public required NameNode Name { get; init; }
}

/// <summary><c>[T]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.ListType;

    public required TypeNode Type { get; init; }
}

/// <summary><c>T!</c>; the inner type is a named or list type, never another non-null.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public override NodeKind Kind => NodeKind.NonNullType;

    public required TypeNode Type { get; init; }
}
