namespace Ipp.Graph.Engine.Types;

/// <summary>What a type is, as introspection's <c>__TypeKind</c> names it.</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>
/// Any GraphQL type: a named type, or a list or non-null wrapper around another type. Wrappers are compared by
/// structure (<see cref="Utilities.TypeComparators"/>); named types by reference, since a schema holds one instance of each.
/// </summary>
public abstract class GraphQLType
{
    public abstract TypeKind Kind { get; }

    /// <summary>The named type inside any wrappers.</summary>
    public abstract NamedType Named { get; }

    /// <summary>Scalars, enums, input objects and wrappers of them may be used for arguments and variables.</summary>
    public bool IsInputType => Named is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalars, objects, interfaces, unions, enums and wrappers of them may be used for fields.</summary>
    public bool IsOutputType => Named is not InputObjectType;

    /// <summary>This type without a non-null wrapper at the top.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>The type as written in a document: <c>[Name!]</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public override NamedType Named => this;

    /// <summary>The definition this type was built from, when it was built from SDL.</summary>
    public Language.Ast.TypeDefinitionNode? AstNode { get; internal set; }

    /// <summary>The <c>extend</c> definitions that added to this type, in document order.</summary>
    public IReadOnlyList<Language.Ast.TypeExtensionNode> ExtensionAstNodes { get; internal set; } = [];

    /// <summary>True for the types every schema has (String, Int, ..., and the introspection types).</summary>
    public bool IsBuiltIn { get; internal set; }

    public override string ToString() => Name;
}

/// <summary><c>[T]</c>.</summary>
public sealed class ListType : GraphQLType
{
    public ListType(GraphQLType ofType) => OfType = ofType;

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.List;

    public override NamedType Named => OfType.Named;

    public override string ToString() => "[" + OfType + "]";
}

/// <summary><c>T!</c>: the inner type is never another non-null type.</summary>
public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
        {
            throw new ArgumentException($"Expected {ofType} to be a nullable type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.NonNull;

    public override NamedType Named => OfType.Named;

    public override string ToString() => OfType + "!";
}
