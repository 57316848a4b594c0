using System.Globalization;
using System.Text.Json;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>The canonical text of the non-string values messages and scalars write as text.</summary>
internal static class ScalarText
{
    /// <summary>
    /// A UTC time as JSON dates write it (JavaScript's Date.toJSON, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>), milliseconds
    /// truncated. Written digit by digit: a result may hold thousands of dates, and the culture-aware custom format was
    /// a tenth of the time of a response of fifty objects.
    /// </summary>
    public static string OfUtcDateTime(DateTime utc) => string.Create(24, utc, static (text, time) =>
    {
        var (year, month, day) = time;
        Digits(text[..4], year);
        text[4] = '-';
        Digits(text.Slice(5, 2), month);
        text[7] = '-';
        Digits(text.Slice(8, 2), day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), time.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), time.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), time.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), time.Millisecond);
        text[23] = 'Z';
    });

    /// <summary>Writes <paramref name="value"/> in decimal, padded with zeros to the span's length.</summary>
    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

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
        DateTime dateTime => OfUtcDateTime(ToUtc(dateTime)),
        DateTimeOffset dateTimeOffset => OfUtcDateTime(dateTimeOffset.UtcDateTime),
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
