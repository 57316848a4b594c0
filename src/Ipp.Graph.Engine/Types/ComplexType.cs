namespace Ipp.Graph.Engine.Types;

/// <summary>An object or interface type: a named type with fields that may implement interfaces.</summary>
public abstract class ComplexType : NamedType
{
    private Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);

    protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; private set; } = [];

    /// <summary>The interfaces this type declares it implements, in definition order.</summary>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    public FieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    public bool TryGetField(string name, out FieldDefinition field) => _fieldsByName.TryGetValue(name, out field!);

    /// <summary>Replaces the fields; the schema builder calls this while the schema is being built.</summary>
    internal void SetFields(IEnumerable<FieldDefinition> fields)
    {
        var list = fields.ToArray();
        var byName = new Dictionary<string, FieldDefinition>(list.Length, StringComparer.Ordinal);
        foreach (var field in list)
        {
            field.DeclaringType = this;
            byName[field.Name] = field;
        }

        Fields = list;
        _fieldsByName = byName;
    }
}

/// <summary><c>type Name implements I { fields }</c>.</summary>
public sealed class ObjectType : ComplexType
{
    public ObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    /// <summary>
    /// Optional check used to resolve an abstract type when the abstract type has no type resolver:
    /// true when a runtime value belongs to this type.
    /// </summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }
}

/// <summary><c>interface Name implements I { fields }</c>.</summary>
public sealed class InterfaceType : ComplexType, IAbstractType
{
    public InterfaceType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    public Execution.TypeResolver? ResolveType { get; internal set; }
}

/// <summary>An interface or union: a field of this type returns one of several object types at run time.</summary>
public interface IAbstractType
{
    string Name { get; }

    /// <summary>Names the object type of a runtime value; when null, the engine tries the alternatives (see execution).</summary>
    Execution.TypeResolver? ResolveType { get; }
}
