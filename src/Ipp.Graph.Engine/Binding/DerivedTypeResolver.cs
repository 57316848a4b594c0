using System.Collections.Concurrent;
using System.Text.Json;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// The type resolver an interface or union gets when none is bound: it names the object type from a dictionary's or
/// JSON object's <c>"__typename"</c> entry (as graphql-js's default type resolver does), else from the .NET type of the
/// value (the type bound to an object type with BindType, or a type derived from it), else asks the possible types'
/// IsTypeOf.
/// </summary>
internal sealed class DerivedTypeResolver
{
    private readonly Dictionary<Type, string> _bound;
    private readonly IReadOnlyList<ObjectType> _possibleTypes;
    private readonly ConcurrentDictionary<Type, string?> _derived = new();

    private DerivedTypeResolver(Dictionary<Type, string> bound, IReadOnlyList<ObjectType> possibleTypes)
    {
        _bound = bound;
        _possibleTypes = possibleTypes;
    }

    /// <param name="possibleTypes">The object types the abstract type may resolve to.</param>
    /// <param name="clrTypes">The .NET type bound to each object type that has one.</param>
    public static TypeResolver Create(IReadOnlyList<ObjectType> possibleTypes, IReadOnlyDictionary<ObjectType, Type> clrTypes)
    {
        var bound = new Dictionary<Type, string>();
        foreach (var type in possibleTypes)
        {
            if (clrTypes.TryGetValue(type, out var clrType))
            {
                bound.TryAdd(clrType, type.Name);
            }
        }

        return new DerivedTypeResolver(bound, possibleTypes).Resolve;
    }

    private string? Resolve(object value, ResolveContext context)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue("__typename", out var name) ? name as string : null;
            case IDictionary<string, object?> map:
                return map.TryGetValue("__typename", out var entry) ? entry as string : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty("__typename", out var typeName) && typeName.ValueKind == JsonValueKind.String
                    ? JsonStrings.GetString(typeName)
                    : null;
        }

        var clrType = value.GetType();
        if (_bound.TryGetValue(clrType, out var boundName))
        {
            return boundName;
        }

        var derivedName = _derived.GetOrAdd(clrType, FromBaseTypes);
        if (derivedName is not null)
        {
            return derivedName;
        }

        foreach (var type in _possibleTypes)
        {
            if (type.IsTypeOf is { } isTypeOf && isTypeOf(value))
            {
                return type.Name;
            }
        }

        return null;
    }

    /// <summary>The object type bound to a base class or interface of <paramref name="clrType"/>, when exactly one is.</summary>
    private string? FromBaseTypes(Type clrType)
    {
        for (var type = clrType.BaseType; type is not null; type = type.BaseType)
        {
            if (_bound.TryGetValue(type, out var name))
            {
                return name;
            }
        }

        string? found = null;
        foreach (var @interface in clrType.GetInterfaces())
        {
            if (_bound.TryGetValue(@interface, out var name))
            {
                if (found is not null && found != name)
                {
                    return null;
                }

                found = name;
            }
        }

        return found;
    }
}
