using System.Text.Json;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>What a value is, numerically: not a number, a whole number that fits a long, or another double.</summary>
internal enum NumberKind
{
    NotNumber,
    Integer,
    Double,
}

/// <summary>Reading the many .NET shapes of a JSON value the way scalars need them, without allocating.</summary>
internal static class ScalarValues
{
    private const int SmallIntMin = -128;
    private const int SmallIntMax = 1024;
    private static readonly object[] SmallInts = CreateSmallInts();

    public static readonly object True = true;
    public static readonly object False = false;
    public static readonly object DoubleZero = 0d;
    public static readonly object DoubleOne = 1d;

    /// <summary>A boxed int, shared for small values so common results do not allocate.</summary>
    public static object Box(int value) =>
        value is >= SmallIntMin and <= SmallIntMax ? SmallInts[value - SmallIntMin] : value;

    public static object Box(bool value) => value ? True : False;

    /// <summary>
    /// Classifies a number of any .NET numeric type or a JSON number: whole numbers within the range of a long come
    /// back as <paramref name="integer"/>, every other number (fractions, huge values, infinities) as <paramref name="real"/>.
    /// Booleans, chars, enums and strings are not numbers.
    /// </summary>
    public static NumberKind ReadNumber(object value, out long integer, out double real)
    {
        integer = 0;
        real = 0;
        switch (value)
        {
            case int v:
                integer = v;
                return NumberKind.Integer;
            case long v:
                integer = v;
                return NumberKind.Integer;
            case double v:
                return FromDouble(v, out integer, out real);
            case JsonElement { ValueKind: JsonValueKind.Number } element:
                if (element.TryGetInt64(out integer))
                {
                    return NumberKind.Integer;
                }

                return FromDouble(ScalarText.DoubleOf(element), out integer, out real);
            case short v:
                integer = v;
                return NumberKind.Integer;
            case byte v:
                integer = v;
                return NumberKind.Integer;
            case sbyte v:
                integer = v;
                return NumberKind.Integer;
            case ushort v:
                integer = v;
                return NumberKind.Integer;
            case uint v:
                integer = v;
                return NumberKind.Integer;
            case ulong v when v <= long.MaxValue:
                integer = (long)v;
                return NumberKind.Integer;
            case ulong v:
                real = v;
                return NumberKind.Double;
            case float v:
                return FromDouble(v, out integer, out real);
            case decimal v:
                if (decimal.Truncate(v) == v && v >= long.MinValue && v <= long.MaxValue)
                {
                    integer = (long)v;
                    return NumberKind.Integer;
                }

                real = (double)v;
                return NumberKind.Double;
            default:
                return NumberKind.NotNumber;
        }
    }

    /// <summary>JavaScript's Number.isInteger.</summary>
    public static bool IsInteger(double value) => double.IsFinite(value) && Math.Floor(value) == value;

    /// <summary>
    /// A string result read as a number, as graphql-js's Int and Float read one: with JavaScript's Number(), except
    /// that the empty string (which Number() reads as 0) is not a number.
    /// </summary>
    public static double NumberOfText(string text) => text.Length == 0 ? double.NaN : JsNumber.Parse(text);

    /// <summary>A JSON string, boolean or number element as a .NET value; objects and arrays stay elements; JSON null is null.</summary>
    public static object? Unwrap(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => JsonStrings.GetString(element),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : (object)ScalarText.DoubleOf(element),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element,
    };

    private static NumberKind FromDouble(double value, out long integer, out double real)
    {
        // Whole doubles in the exact range of a long count as integers, like JavaScript's Number.isInteger.
        if (IsInteger(value) && value >= -9.2233720368547758E18 && value < 9.2233720368547758E18)
        {
            integer = (long)value;
            real = 0;
            return NumberKind.Integer;
        }

        integer = 0;
        real = value;
        return NumberKind.Double;
    }

    private static object[] CreateSmallInts()
    {
        var boxes = new object[SmallIntMax - SmallIntMin + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i + SmallIntMin;
        }

        return boxes;
    }
}
