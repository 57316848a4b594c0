using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

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
    private static void AppendString(StringBuilder builder, string text)
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
                    var pairedHigh = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                    if (pairedHigh)
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (c < ' ' || char.IsSurrogate(c))
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

    /// <summary>
    /// Number::toString of ECMAScript: the shortest digits that round-trip, in positional notation for exponents
    /// from -7 to 20, else as d.ddde±n. Non-finite values are written as JSON strings, as the JS side does.
    /// </summary>
    private static void AppendNumber(StringBuilder builder, double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            AppendString(builder, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
            return;
        }

        if (number == 0)
        {
            builder.Append('0');
            return;
        }

        if (number < 0)
        {
            builder.Append('-');
            number = -number;
        }

        var (digits, pointPosition) = ShortestDigits(number);
        var k = digits.Length;
        var n = pointPosition;
        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exponent = n - 1;
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            builder.Append('e').Append(exponent >= 0 ? '+' : '-').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The significant digits of a positive number and where the decimal point goes: value = 0.digits × 10^point.</summary>
    private static (string Digits, int PointPosition) ShortestDigits(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var exponentAt = text.IndexOfAny(['E', 'e']);
        if (exponentAt >= 0)
        {
            exponent = int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..exponentAt];
        }

        var dot = text.IndexOf('.');
        var integerPart = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var digits = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, point - leadingZeros);
    }
}
