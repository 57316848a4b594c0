using System.Collections;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Turns an internal input value back into a literal of its type (graphql-js's astFromValue).</summary>
/// <remarks>
/// Leaf values are serialized first, then written as the literal their JSON kind calls for: numbers as Int literals
/// when they are written without fraction or exponent (else Float), enum names as enum literals, ID strings of digits
/// as Int literals. Unlike graphql-js, which fails there, a custom scalar that serializes to an object or a list
/// (such as JSON) gets an object or list literal.
/// </remarks>
public static class AstFromValue
{
    private const int MaxDepth = 200;

    /// <summary>The literal; null when the value cannot be represented in the type.</summary>
    public static ValueNode? Convert(object? value, GraphQLType type) => Convert(value, type, 0);

    private static ValueNode? Convert(object? value, GraphQLType type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new GraphQLError($"Cannot convert a value nesting deeper than {MaxDepth} levels to a literal.");
        }

        if (type is NonNullType nonNull)
        {
            var inner = Convert(value, nonNull.OfType, depth);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null or JsonElement { ValueKind: JsonValueKind.Null })
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case ListType list:
                if (IsList(value))
                {
                    var items = new List<ValueNode>();
                    foreach (var item in Items(value))
                    {
                        if (Convert(item, list.OfType, depth + 1) is { } itemLiteral)
                        {
                            items.Add(itemLiteral);
                        }
                    }

                    return new ListValueNode { Values = items };
                }

                return Convert(value, list.OfType, depth);
            case InputObjectType inputObject:
                return ConvertObject(value, inputObject, depth);
            case EnumType enumType:
                return new EnumValueNode { Value = enumType.Serialize(value) };
            case ScalarType scalar:
                return FromSerialized(scalar.Serialize(value), ReferenceEquals(scalar, SpecifiedScalars.ID), depth);
            default:
                throw new ArgumentException($"Unexpected input type: {type}.", nameof(type));
        }
    }

    private static ObjectValueNode? ConvertObject(object value, InputObjectType type, int depth)
    {
        var input = InputObject.Of(value);
        if (input.IsNone)
        {
            return null;
        }

        var fields = new List<ObjectFieldNode>();
        foreach (var field in type.Fields)
        {
            if (input.TryGet(field.Name, out var fieldValue) && Convert(fieldValue, field.Type, depth + 1) is { } literal)
            {
                fields.Add(new ObjectFieldNode { Name = new NameNode(field.Name), Value = literal });
            }
        }

        return new ObjectValueNode { Fields = fields };
    }

    private static ValueNode FromSerialized(object? serialized, bool isId, int depth)
    {
        if (serialized is JsonElement element)
        {
            serialized = element.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? element : ScalarValues.Unwrap(element);
        }

        switch (serialized)
        {
            case null:
                return new NullValueNode();
            case bool flag:
                return new BooleanValueNode { Value = flag };
            case string text:
                return isId && IsIntegerText(text) ? new IntValueNode { Value = text } : new StringValueNode { Value = text };
        }

        var kind = ScalarValues.ReadNumber(serialized, out _, out var real);
        if (kind != NumberKind.NotNumber)
        {
            if (kind == NumberKind.Double && !double.IsFinite(real))
            {
                throw new GraphQLError($"Cannot convert value to AST: {Inspect.Format(serialized)}.");
            }

            var number = ScalarText.OfNumber(serialized)!;
            return IsIntegerText(number) ? new IntValueNode { Value = number } : new FloatValueNode { Value = number };
        }

        return FromJsonShape(serialized, depth);
    }

    /// <summary>An object or list a scalar serialized to, written as a literal of the same shape.</summary>
    private static ValueNode FromJsonShape(object serialized, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new GraphQLError($"Cannot convert a value nesting deeper than {MaxDepth} levels to a literal.");
        }

        var input = InputObject.Of(serialized);
        if (!input.IsNone)
        {
            var fields = new List<ObjectFieldNode>();
            foreach (var key in input.Keys())
            {
                input.TryGet(key, out var item);
                fields.Add(new ObjectFieldNode { Name = new NameNode(key), Value = FromSerialized(item, false, depth + 1) });
            }

            return new ObjectValueNode { Fields = fields };
        }

        if (IsList(serialized))
        {
            var items = new List<ValueNode>();
            foreach (var item in Items(serialized))
            {
                items.Add(FromSerialized(item, false, depth + 1));
            }

            return new ListValueNode { Values = items };
        }

        throw new GraphQLError($"Cannot convert value to AST: {Inspect.Format(serialized)}.");
    }

    private static IEnumerable Items(object list)
    {
        if (list is JsonElement element)
        {
            foreach (var item in element.EnumerateArray())
            {
                yield return item;
            }

            yield break;
        }

        foreach (var item in (IEnumerable)list)
        {
            yield return item;
        }
    }

    private static bool IsList(object value) =>
        value is JsonElement { ValueKind: JsonValueKind.Array }
        || (value is IEnumerable and not string and not IDictionary and not IReadOnlyDictionary<string, object?>
            && value is not JsonElement);

    /// <summary>An IntValue as the grammar writes it: <c>-?(0|[1-9][0-9]*)</c>.</summary>
    private static bool IsIntegerText(string text)
    {
        var i = text.StartsWith('-') ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        if (text[i] == '0')
        {
            return i + 1 == text.Length;
        }

        for (; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
