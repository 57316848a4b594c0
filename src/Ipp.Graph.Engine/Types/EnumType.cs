using System.Runtime.CompilerServices;

namespace Ipp.Graph.Engine.Types;

/// <summary>
/// <c>enum Name { A B }</c>. Each value has a name (what the document and the response carry) and an internal
/// value (what resolvers see and return): a member of a bound .NET enum, or the name itself when none is bound.
/// </summary>
public sealed partial class EnumType : NamedType
{
    private Dictionary<string, EnumValueDefinition> _byName = new(StringComparer.Ordinal);
    private Dictionary<object, EnumValueDefinition> _byValue = [];

    /// <summary>
    /// When every internal value is a member of one .NET enum of <c>int</c> numbered from 0 to 255: the definitions by
    /// that number, so a response's enum values cost an index instead of hashing a boxed value. Null otherwise.
    /// </summary>
    private EnumValueDefinition?[]? _byNumber;

    /// <summary>The .NET enum <see cref="_byNumber"/> is for.</summary>
    private System.Type? _numberedType;

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
    public EnumValueDefinition? GetValueByInternal(object value)
    {
        if (_byNumber is { } byNumber && value.GetType() == _numberedType)
        {
            var number = (uint)Unsafe.Unbox<int>(value);
            return number < (uint)byNumber.Length ? byNumber[number] : null;
        }

        return _byValue.GetValueOrDefault(value);
    }

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
        (_byNumber, _numberedType) = Number(list);
    }

    /// <summary>The definitions by number when their values are all small members of one enum of int (see <see cref="_byNumber"/>).</summary>
    private static (EnumValueDefinition?[]?, System.Type?) Number(EnumValueDefinition[] values)
    {
        const int Numbers = 256;
        var type = values.Length > 0 ? values[0].Value.GetType() : null;
        if (type is null || !type.IsEnum || Enum.GetUnderlyingType(type) != typeof(int))
        {
            return (null, null);
        }

        var byNumber = new EnumValueDefinition?[Numbers];
        var count = 0;
        foreach (var value in values)
        {
            // A boxed enum unboxes to its underlying type.
            var number = value.Value.GetType() == type ? (int)value.Value : -1;
            if (number is < 0 or >= Numbers)
            {
                return (null, null);
            }

            byNumber[number] ??= value;
            count = Math.Max(count, number + 1);
        }

        return (byNumber[..count], type);
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
