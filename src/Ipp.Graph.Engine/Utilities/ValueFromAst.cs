using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>Coerces a value literal to an input type's internal value (graphql-js's valueFromAST).</summary>
/// <remarks>
/// Lists come back as <c>object?[]</c> (a single value given for a list type as a list of one), input objects as
/// <c>Dictionary&lt;string, object?&gt;</c> holding the given fields and those with defaults, enums as their values'
/// internal values. Literals nesting deeper than <see cref="MaxDepth"/> are invalid.
/// </remarks>
public static class ValueFromAst
{
    /// <summary>How deep lists and input objects may nest in a literal.</summary>
    public const int MaxDepth = 200;

    /// <summary>
    /// False when the literal is not valid for the type (graphql-js returns undefined); a variable that is absent
    /// from <paramref name="variables"/> counts as not given.
    /// </summary>
    public static bool TryConvert(ValueNode? literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value) =>
        TryConvert(literal, type, variables, 0, out value);

    private static bool TryConvert(
        ValueNode? literal,
        GraphQLType type,
        IReadOnlyDictionary<string, object?>? variables,
        int depth,
        out object? value)
    {
        value = null;
        if (literal is null || depth > MaxDepth)
        {
            return false;
        }

        if (literal is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out value))
            {
                return false;
            }

            // The variable's value was coerced to its own type already; validation made sure it fits here.
            return value is not null || type is not NonNullType;
        }

        if (type is NonNullType nonNull)
        {
            return literal is not NullValueNode && TryConvert(literal, nonNull.OfType, variables, depth, out value);
        }

        if (literal is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                return TryConvertList(literal, list.OfType, variables, depth, out value);
            case InputObjectType inputObject:
                return TryConvertObject(literal, inputObject, variables, depth, out value);
            case EnumType enumType:
                if (literal is EnumValueNode enumLiteral && enumType.GetValue(enumLiteral.Value) is { } enumValue)
                {
                    value = enumValue.Value;
                    return true;
                }

                return false;
            case ScalarType scalar:
                try
                {
                    value = scalar.ParseLiteral(literal, variables);
                    return value is not null;
                }
                catch (Exception)
                {
                    // Whatever a scalar throws (a GraphQLError as a rule) means the literal is not valid for it.
                    value = null;
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool TryConvertList(
        ValueNode literal,
        GraphQLType itemType,
        IReadOnlyDictionary<string, object?>? variables,
        int depth,
        out object? value)
    {
        if (literal is not ListValueNode list)
        {
            // A single value stands for a list of one.
            if (!TryConvert(literal, itemType, variables, depth + 1, out var item))
            {
                value = null;
                return false;
            }

            value = new[] { item };
            return true;
        }

        var items = new object?[list.Values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var itemLiteral = list.Values[i];
            if (IsMissingVariable(itemLiteral, variables))
            {
                // A missing variable in a list is null, which a non-null item type refuses.
                if (itemType is NonNullType)
                {
                    value = null;
                    return false;
                }

                continue;
            }

            if (!TryConvert(itemLiteral, itemType, variables, depth + 1, out items[i]))
            {
                value = null;
                return false;
            }
        }

        value = items;
        return true;
    }

    private static bool TryConvertObject(
        ValueNode literal,
        InputObjectType type,
        IReadOnlyDictionary<string, object?>? variables,
        int depth,
        out object? value)
    {
        value = null;
        if (literal is not ObjectValueNode objectLiteral)
        {
            return false;
        }

        var fields = type.Fields;
        var result = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var fieldLiteral = FindField(objectLiteral, field.Name);
            if (fieldLiteral is null || IsMissingVariable(fieldLiteral, variables))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryConvert(fieldLiteral, field.Type, variables, depth + 1, out var fieldValue))
            {
                return false;
            }

            result[field.Name] = fieldValue;
        }

        if (type.IsOneOf && (result.Count != 1 || FirstValue(result) is null))
        {
            return false;
        }

        value = result;
        return true;
    }

    /// <summary>The value of the field of that name; the last one when it is written twice, as graphql-js's keyMap keeps.</summary>
    private static ValueNode? FindField(ObjectValueNode literal, string name)
    {
        ValueNode? found = null;
        foreach (var field in literal.Fields)
        {
            if (field.Name.Value == name)
            {
                found = field.Value;
            }
        }

        return found;
    }

    private static object? FirstValue(Dictionary<string, object?> map)
    {
        foreach (var entry in map)
        {
            return entry.Value;
        }

        return null;
    }

    private static bool IsMissingVariable(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        literal is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}
