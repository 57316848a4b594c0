using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>The canonical text of the non-string values messages and scalars write as text.</summary>
internal static class ScalarText
{
    /// <summary>The date-time layout of JSON dates (JavaScript's Date.toJSON): UTC with milliseconds.</summary>
    public const string UtcDateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>A decimal as a number literal without trailing zeros: <c>1.50m</c> is <c>1.5</c>.</summary>
    public static string OfDecimal(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// A number of any .NET numeric type, or a JSON number, as JavaScript prints it (<c>1.0</c> is <c>1</c>, <c>1e400</c>
    /// is <c>Infinity</c>), except that decimals and ulongs keep every digit; null when the value is not a number.
    /// </summary>
    public static string? OfNumber(object value) => value switch
    {
        decimal exact => OfDecimal(exact),
        ulong whole => whole.ToString(CultureInfo.InvariantCulture),
        _ => ScalarValues.ReadNumber(value, out var integer, out var real) switch
        {
            NumberKind.Integer => integer.ToString(CultureInfo.InvariantCulture),
            NumberKind.Double => JsNumber.Format(real),
            _ => null,
        },
    };

    /// <summary>A JSON number as a double; numbers too large for one are infinite, as in JavaScript.</summary>
    public static double DoubleOf(JsonElement number)
    {
        if (number.TryGetDouble(out var value))
        {
            return value;
        }

        return number.GetRawText().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>Dates in UTC as JSON dates, Guids in hyphenated lowercase, and so on; null for other values.</summary>
    public static string? OfClrValue(object value) => value switch
    {
        DateTime dateTime => ToUtc(dateTime).ToString(UtcDateTimeFormat, CultureInfo.InvariantCulture),
        DateTimeOffset dateTimeOffset => dateTimeOffset.UtcDateTime.ToString(UtcDateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        Uri uri => uri.ToString(),
        _ => null,
    };

    /// <summary>A DateTime in UTC; one of unspecified kind is taken to be UTC already.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
