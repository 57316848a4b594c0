namespace Ipp.Graph.Engine.Types;

/// <summary>
/// <c>enum Name { A B }</c>. Each value has a name (what the document and the response carry) and an internal
/// value (what resolvers see and return): a member of a bound .NET enum, or the name itself when none is bound.
/// </summary>
public sealed partial class EnumType : NamedType
{
    private Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private Dictionary<object, EnumValueDefinition> _byValue = [];

    public EnumType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>The values in definition order.</summary>
    public IReadOnlyList<EnumValueDefinition> Values { get; private set; } = [];

    /// <summary>The .NET enum the values map to, when one was bound.</summary>
    public System.Type? ClrType { get; internal set; }

    public EnumValueDefinition? GetValue(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The value definition whose internal value equals <paramref name="value"/>.</summary>
    public EnumValueDefinition? GetValueByInternal(object value) => _byValue.GetValueOrDefault(value);

    internal void SetValues(IEnumerable<EnumValueDefinition> values)
    {
        var list = values.ToArray();
        var byName = new Dictionary<string, EnumValueDefinition>(list.Length, StringComparer.Ordinal);
        var byValue = new Dictionary<object, EnumValueDefinition>(list.Length);
        foreach (var value in list)
        {
            byName[value.Name] = value;
            byValue.TryAdd(value.Value, value);
        }

        Values = list;
        _byName = byName;
        _byValue = byValue;
    }
}

/// <summary>One value of an enum type.</summary>
public sealed class EnumValueDefinition
{
    public EnumValueDefinition(string name, object value, string? description = null)
    {
        Name = name;
        Value = value;
        Description = description;
    }

    public string Name { get; }

    /// <summary>The internal value resolvers see: a .NET enum member, or <see cref="Name"/>.</summary>
    public object Value { get; internal set; }

    public string? Description { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public Language.Ast.EnumValueDefinitionNode? AstNode { get; internal set; }

    public override string ToString() => Name;
}
