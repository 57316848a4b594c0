namespace Ipp.Graph.Engine.Types;

/// <summary><c>union Name = A | B</c>.</summary>
public sealed class UnionType : NamedType, IAbstractType
{
    public UnionType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    /// <summary>The member types in definition order.</summary>
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    public Execution.TypeResolver? ResolveType { get; internal set; }
}
