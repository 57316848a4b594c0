using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation;

/// <summary>A set of syntax node kinds, as a bit mask: which kinds a rule wants to be called for.</summary>
public readonly struct NodeKindSet : IEquatable<NodeKindSet>
{
    private readonly ulong _bits;

    private NodeKindSet(ulong bits) => _bits = bits;

    /// <summary>No kind at all.</summary>
    public static NodeKindSet None => default;

    /// <summary>The kinds of nodes that may carry directives.</summary>
    public static NodeKindSet WithDirectives { get; } = Of(
        NodeKind.OperationDefinition,
        NodeKind.VariableDefinition,
        NodeKind.Field,
        NodeKind.FragmentSpread,
        NodeKind.InlineFragment,
        NodeKind.FragmentDefinition,
        NodeKind.SchemaDefinition,
        NodeKind.ScalarTypeDefinition,
        NodeKind.ObjectTypeDefinition,
        NodeKind.FieldDefinition,
        NodeKind.InputValueDefinition,
        NodeKind.InterfaceTypeDefinition,
        NodeKind.UnionTypeDefinition,
        NodeKind.EnumTypeDefinition,
        NodeKind.EnumValueDefinition,
        NodeKind.InputObjectTypeDefinition,
        NodeKind.DirectiveDefinition,
        NodeKind.SchemaExtension,
        NodeKind.ScalarTypeExtension,
        NodeKind.ObjectTypeExtension,
        NodeKind.InterfaceTypeExtension,
        NodeKind.UnionTypeExtension,
        NodeKind.EnumTypeExtension,
        NodeKind.InputObjectTypeExtension);

    /// <summary>The six kinds of named type definition.</summary>
    public static NodeKindSet TypeDefinitions { get; } = Of(
        NodeKind.ScalarTypeDefinition,
        NodeKind.ObjectTypeDefinition,
        NodeKind.InterfaceTypeDefinition,
        NodeKind.UnionTypeDefinition,
        NodeKind.EnumTypeDefinition,
        NodeKind.InputObjectTypeDefinition);

    /// <summary>The six kinds of named type extension.</summary>
    public static NodeKindSet TypeExtensions { get; } = Of(
        NodeKind.ScalarTypeExtension,
        NodeKind.ObjectTypeExtension,
        NodeKind.InterfaceTypeExtension,
        NodeKind.UnionTypeExtension,
        NodeKind.EnumTypeExtension,
        NodeKind.InputObjectTypeExtension);

    public static NodeKindSet Of(params ReadOnlySpan<NodeKind> kinds)
    {
        ulong bits = 0;
        foreach (var kind in kinds)
        {
            bits |= Bit(kind);
        }

        return new NodeKindSet(bits);
    }

    public bool Contains(NodeKind kind) => (_bits & Bit(kind)) != 0;

    public bool Equals(NodeKindSet other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is NodeKindSet other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(NodeKindSet a, NodeKindSet b) => a._bits == b._bits;

    public static bool operator !=(NodeKindSet a, NodeKindSet b) => a._bits != b._bits;

    private static ulong Bit(NodeKind kind) => 1UL << (int)kind;
}
