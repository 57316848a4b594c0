using System.Collections;
using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// <c>JSON</c>: any JSON value. Internal value: the value in the engine's JSON shape — null, bool, string, long (whole
/// numbers that fit) or double, <c>Dictionary&lt;string, object?&gt;</c> and <c>object?[]</c> — whether it came as a
/// variable (a <see cref="JsonElement"/> or .NET values) or as a literal (which may hold variables: a variable that was
/// not given leaves its object field out, or is null in a list). Output writes the resolver's value as it is.
/// </summary>
public sealed class JsonScalar : ScalarType
{
    /// <summary>Values nesting deeper than this are refused (a guard against exhausting the stack).</summary>
    public const int MaxDepth = 128;

    /// <summary>The specification this scalar follows.</summary>
    public const string SpecificationUrl = "http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf";

    public JsonScalar(string name = "JSON")
        : base(name, "Any JSON value: an object, a list, a string, a number, a boolean or null.", SpecificationUrl)
    {
    }

    public override object Serialize(object value) => value;

    public override object ParseValue(object value) => FromValue(value, 0)!;

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        FromLiteral(literal, variables, 0)!;

    private object? FromValue(object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw TooDeep(null);
        }

        switch (value)
        {
            case null or string or bool or int or long or double or decimal:
                return value;
            case JsonElement element:
                return FromElement(element, depth);
            case IReadOnlyDictionary<string, object?> map:
                var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                foreach (var (key, item) in map)
                {
                    copy[key] = FromValue(item, depth + 1);
                }

                return copy;
            case IList list:
                var items = new object?[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromValue(list[i], depth + 1);
                }

                return items;
            case float or short or byte or sbyte or ushort or uint or ulong:
                return value;
            default:
                throw new GraphQLError($"{Name} cannot represent value: {Inspect.Format(value)}");
        }
    }

    private object? FromElement(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw TooDeep(null);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value, depth + 1);
                }

                return map;
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = FromElement(item, depth + 1);
                }

                return items;
            default:
                return ScalarValues.Unwrap(element);
        }
    }

    private object? FromLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables, int depth)
    {
        if (depth > MaxDepth)
        {
            throw TooDeep(literal);
        }

        switch (literal)
        {
            case StringValueNode text:
                return text.Value;
            case BooleanValueNode flag:
                return ScalarValues.Box(flag.Value);
            case NullValueNode:
                return null;
            case IntValueNode integer:
                return long.TryParse(integer.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : (object)double.Parse(integer.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case FloatValueNode real:
                return double.Parse(real.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case ListValueNode list:
                var items = new object?[list.Values.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    var item = list.Values[i];
                    items[i] = item is VariableNode missing && !HasVariable(variables, missing)
                        ? null
                        : FromLiteral(item, variables, depth + 1);
                }

                return items;
            case ObjectValueNode obj:
                var map = new Dictionary<string, object?>(obj.Fields.Count, StringComparer.Ordinal);
                foreach (var field in obj.Fields)
                {
                    if (field.Value is VariableNode missing && !HasVariable(variables, missing))
                    {
                        continue;
                    }

                    map[field.Name.Value] = FromLiteral(field.Value, variables, depth + 1);
                }

                return map;
            case VariableNode variable:
                return variables is not null && variables.TryGetValue(variable.Name.Value, out var value)
                    ? FromValue(value, depth)
                    : null;
            default:
                var shown = literal is EnumValueNode enumLiteral ? enumLiteral.Value : literal.Kind.ToString();
                throw new GraphQLError($"{Name} cannot represent value: {shown}", [literal]);
        }
    }

    private static bool HasVariable(IReadOnlyDictionary<string, object?>? variables, VariableNode variable) =>
        variables is not null && variables.ContainsKey(variable.Name.Value);

    private GraphQLError TooDeep(ValueNode? literal) =>
        new($"{Name} value nests deeper than {MaxDepth} levels.", [literal], ErrorCodes.MaxDepthExceeded);
}
