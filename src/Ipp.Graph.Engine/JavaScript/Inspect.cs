using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>Describes a value in error messages the way graphql-js's inspect() does (<c>"abc"</c>, <c>{ a: 1 }</c>, <c>[1, 2]</c>).</summary>
/// <remarks>
/// JSON-shaped values (and <see cref="JsonElement"/>) print exactly as graphql-js prints their JavaScript counterparts:
/// strings JSON-quoted, numbers as JavaScript writes them, objects as <c>{ key: value }</c>, at most ten list items,
/// and anything nested more than two levels deep as <c>[Array]</c> or <c>[Object]</c>. .NET values JavaScript has no
/// counterpart for print as follows: dates, Guids, URIs and time spans as their text without quotes (as graphql-js
/// prints a Date through its toJSON), enum members as <c>Type.Member</c>, types as <c>[String!]</c>, delegates as
/// <c>[function Name]</c>, other objects by their own ToString() when they override it (records do), else as <c>[TypeName]</c>.
/// </remarks>
public static class Inspect
{
    private const int MaxArrayLength = 10;
    private const int MaxRecursiveDepth = 2;

    public static string Format(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return Quote(text);
            case bool flag:
                return flag ? "true" : "false";
            case int number:
                return number.ToString(CultureInfo.InvariantCulture);
        }

        var builder = new StringBuilder();
        Append(builder, value, []);
        return builder.ToString();
    }

    /// <summary>A string as JSON.stringify writes it (lone surrogates escaped, other non-ASCII characters kept).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value, List<object> seen)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string text:
                AppendQuoted(builder, text);
                return;
            case char character:
                AppendQuoted(builder, character.ToString());
                return;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                return;
            case JsonElement element:
                AppendJson(builder, element, seen.Count);
                return;
            case Enum member:
                builder.Append(member.GetType().Name).Append('.').Append(member.ToString());
                return;
            case GraphQLType type:
                builder.Append(type.ToString());
                return;
            case DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid or Uri:
                builder.Append(ScalarText.OfClrValue(value));
                return;
            case Delegate function:
                builder.Append(function.Method.Name is { Length: > 0 } name && name[0] != '<' ? "[function " + name + "]" : "[function]");
                return;
        }

        if (ScalarText.OfNumber(value) is { } number)
        {
            builder.Append(number);
            return;
        }

        foreach (var ancestor in seen)
        {
            if (ReferenceEquals(ancestor, value))
            {
                builder.Append("[Circular]");
                return;
            }
        }

        switch (value)
        {
            case IReadOnlyDictionary<string, object?> dictionary:
                AppendObject(builder, dictionary, dictionary.Count, seen, value);
                return;
            case IDictionary dictionary:
                AppendObject(builder, EnumerateEntries(dictionary), dictionary.Count, seen, value);
                return;
            case IEnumerable items:
                AppendArray(builder, items, seen, value);
                return;
        }

        AppendOther(builder, value);
    }

    private static IEnumerable<KeyValuePair<string, object?>> EnumerateEntries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value);
        }
    }

    private static void AppendObject(
        StringBuilder builder,
        IEnumerable<KeyValuePair<string, object?>> entries,
        int count,
        List<object> seen,
        object self)
    {
        if (count == 0)
        {
            builder.Append("{}");
            return;
        }

        if (seen.Count + 1 > MaxRecursiveDepth)
        {
            builder.Append("[Object]");
            return;
        }

        seen.Add(self);
        builder.Append("{ ");
        var first = true;
        foreach (var (key, item) in entries)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(key).Append(": ");
            Append(builder, item, seen);
        }

        builder.Append(" }");
        seen.RemoveAt(seen.Count - 1);
    }

    private static void AppendArray(StringBuilder builder, IEnumerable items, List<object> seen, object self)
    {
        var list = items as IList ?? items.Cast<object?>().ToList();
        if (list.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        if (seen.Count + 1 > MaxRecursiveDepth)
        {
            builder.Append("[Array]");
            return;
        }

        seen.Add(self);
        builder.Append('[');
        var shown = Math.Min(MaxArrayLength, list.Count);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Append(builder, list[i], seen);
        }

        AppendRemaining(builder, list.Count - shown);
        builder.Append(']');
        seen.RemoveAt(seen.Count - 1);
    }

    private static void AppendRemaining(StringBuilder builder, int remaining)
    {
        if (remaining == 1)
        {
            builder.Append(", ... 1 more item");
        }
        else if (remaining > 1)
        {
            builder.Append(", ... ").Append(remaining.ToString(CultureInfo.InvariantCulture)).Append(" more items");
        }
    }

    /// <param name="depth">How many objects and arrays enclose the element (graphql-js's count of seen values).</param>
    private static void AppendJson(StringBuilder builder, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                AppendQuoted(builder, JsonStrings.GetString(element)!);
                return;
            case JsonValueKind.Number:
                builder.Append(ScalarText.OfNumber(element));
                return;
            case JsonValueKind.True:
                builder.Append("true");
                return;
            case JsonValueKind.False:
                builder.Append("false");
                return;
            case JsonValueKind.Object:
                AppendJsonObject(builder, element, depth);
                return;
            case JsonValueKind.Array:
                AppendJsonArray(builder, element, depth);
                return;
            default:
                builder.Append("null");
                return;
        }
    }

    private static void AppendJsonObject(StringBuilder builder, JsonElement element, int depth)
    {
        using var properties = element.EnumerateObject();
        if (!properties.MoveNext())
        {
            builder.Append("{}");
            return;
        }

        if (depth + 1 > MaxRecursiveDepth)
        {
            builder.Append("[Object]");
            return;
        }

        builder.Append("{ ");
        var first = true;
        do
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(properties.Current.Name).Append(": ");
            AppendJson(builder, properties.Current.Value, depth + 1);
        }
        while (properties.MoveNext());
        builder.Append(" }");
    }

    private static void AppendJsonArray(StringBuilder builder, JsonElement element, int depth)
    {
        var count = element.GetArrayLength();
        if (count == 0)
        {
            builder.Append("[]");
            return;
        }

        if (depth + 1 > MaxRecursiveDepth)
        {
            builder.Append("[Array]");
            return;
        }

        builder.Append('[');
        var shown = Math.Min(MaxArrayLength, count);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            AppendJson(builder, element[i], depth + 1);
        }

        AppendRemaining(builder, count - shown);
        builder.Append(']');
    }

    private static void AppendOther(StringBuilder builder, object value)
    {
        var type = value.GetType();
        var toString = type.GetMethod(nameof(ToString), System.Type.EmptyTypes);
        if (toString is not null && toString.DeclaringType != typeof(object) && toString.DeclaringType != typeof(ValueType))
        {
            try
            {
                builder.Append(value.ToString());
                return;
            }
            catch (Exception)
            {
                // A ToString that fails says nothing useful; the type name below still does.
            }
        }

        builder.Append('[').Append(type.Name).Append(']');
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < ' ' || IsLoneSurrogate(text, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsLoneSurrogate(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}
