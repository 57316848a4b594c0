namespace Ipp.Graph.Engine.Types;

/// <summary>
/// <c>input Name { fields }</c>. Coerced values are dictionaries of field name to coerced value, holding only the
/// fields that were given or have defaults; <see cref="Factory"/> turns them into a bound .NET type when one was bound.
/// </summary>
public sealed class InputObjectType : NamedType
{
    private Dictionary<string, InputFieldDefinition> _fieldsByName = new(StringComparer.Ordinal);

    public InputObjectType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyList<InputFieldDefinition> Fields { get; private set; } = [];

    /// <summary><c>@oneOf</c>: exactly one field must be given, and it must not be null.</summary>
    public bool IsOneOf { get; internal set; }

    /// <summary>The .NET type coerced values are converted to, when one was bound.</summary>
    public System.Type? ClrType { get; internal set; }

    /// <summary>Builds the bound .NET value from a coerced dictionary; compiled once when the schema is built.</summary>
    public Func<IReadOnlyDictionary<string, object?>, object>? Factory { get; internal set; }

    public InputFieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    internal void SetFields(IEnumerable<InputFieldDefinition> fields)
    {
        var list = fields.ToArray();
        var byName = new Dictionary<string, InputFieldDefinition>(list.Length, StringComparer.Ordinal);
        foreach (var field in list)
        {
            field.DeclaringType = this;
            byName[field.Name] = field;
        }

        Fields = list;
        _fieldsByName = byName;
    }
}
