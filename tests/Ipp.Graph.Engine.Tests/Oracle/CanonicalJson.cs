using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The canonical JSON text of a coerced input value, exactly as <c>canonical</c> of tests/js/oracle/resolvers.mjs
/// writes it: object keys sorted by UTF-16 code units, no spaces, strings escaped as JSON.stringify does, numbers
/// printed as JavaScript prints them. Echo fields return it, so argument coercion is compared as data.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool boolean:
                builder.Append(boolean ? "true" : "false");
                break;
            case string text:
                AppendString(builder, text);
                break;
            case int or long or short or byte or sbyte or uint or ulong or ushort or decimal:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double number:
                AppendNumber(builder, number);
                break;
            case float single:
                AppendNumber(builder, single);
                break;
            case Enum member:
                AppendString(builder, member.ToString());
                break;
            case JsonElement element:
                AppendElement(builder, element);
                break;
            case IReadOnlyDictionary<string, object?> map:
                AppendObject(builder, map.Select(pair => (pair.Key, pair.Value)));
                break;
            case IDictionary dictionary:
                AppendObject(builder, dictionary.Keys.Cast<object>().Select(key => ((string)key, dictionary[key])));
                break;
            case IEnumerable list:
                builder.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Append(builder, item);
                }

                builder.Append(']');
                break;
            default:
                throw new InvalidOperationException($"not an input value: {value.GetType()}");
        }
    }

    private static void AppendObject(StringBuilder builder, IEnumerable<(string Key, object? Value)> entries)
    {
        var sorted = entries.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        builder.Append('{');
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendString(builder, sorted[i].Key);
            builder.Append(':');
            Append(builder, sorted[i].Value);
        }

        builder.Append('}');
    }

    private static void AppendElement(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                AppendObject(builder, element.EnumerateObject().Select(property => (property.Name, (object?)property.Value)));
                break;
            case JsonValueKind.Array:
                Append(builder, element.EnumerateArray().Select(item => (object?)item).ToList());
                break;
            case JsonValueKind.String:
                AppendString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                AppendNumber(builder, element.GetDouble());
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                builder.Append(element.GetBoolean() ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>JSON.stringify's escaping: quote, backslash and control characters; lone surrogates as \uXXXX.</summary>
    private static void AppendString(StringBuilder builder, string text) => builder.Append(Inspect.Quote(text));

    /// <summary>A number as JavaScript prints it; non-finite values as JSON strings, as the JS side writes them.</summary>
    private static void AppendNumber(StringBuilder builder, double number)
    {
        var text = JsNumber.Format(number);
        builder.Append(double.IsFinite(number) ? text : Inspect.Quote(text));
    }
}
