using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>The canonical text of the non-string values messages and scalars write as text.</summary>
internal static class ScalarText
{
    /// <summary>The length of <see cref="OfUtcDateTime"/>'s text.</summary>
    public const int UtcDateTimeLength = 24;

    /// <summary>
    /// A UTC time as JSON dates write it (JavaScript's Date.toJSON, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>), milliseconds
    /// truncated. Written digit by digit: a result may hold thousands of dates, and the culture-aware custom format was
    /// a tenth of the time of a response of fifty objects.
    /// </summary>
    public static string OfUtcDateTime(DateTime utc) => string.Create(UtcDateTimeLength, utc, static (text, time) => FormatUtcDateTime(time, text));

    /// <summary>
    /// Writes <see cref="OfUtcDateTime"/>'s text into its first <see cref="UtcDateTimeLength"/> places, as characters
    /// or as UTF-8 bytes (the response writers write it without making a string).
    /// </summary>
    public static void FormatUtcDateTime<T>(DateTime utc, Span<T> text)
        where T : IBinaryInteger<T>
    {
        var (year, month, day) = utc;
        // The time of day in whole milliseconds, from which hours to milliseconds come by small divisions.
        var millisecondOfDay = (int)(utc.TimeOfDay.Ticks / TimeSpan.TicksPerMillisecond);
        var secondOfDay = millisecondOfDay / 1000;
        _ = text[UtcDateTimeLength - 1];
        TwoDigits(text, 0, year / 100);
        TwoDigits(text, 2, year % 100);
        text[4] = T.CreateTruncating('-');
        TwoDigits(text, 5, month);
        text[7] = T.CreateTruncating('-');
        TwoDigits(text, 8, day);
        text[10] = T.CreateTruncating('T');
        TwoDigits(text, 11, secondOfDay / 3600);
        text[13] = T.CreateTruncating(':');
        TwoDigits(text, 14, secondOfDay / 60 % 60);
        text[16] = T.CreateTruncating(':');
        TwoDigits(text, 17, secondOfDay % 60);
        text[19] = T.CreateTruncating('.');
        var millisecond = millisecondOfDay % 1000;
        text[20] = T.CreateTruncating('0' + millisecond / 100);
        TwoDigits(text, 21, millisecond % 100);
        text[23] = T.CreateTruncating('Z');
    }

    /// <summary>Writes a number from 0 to 99 as two digits at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoDigits<T>(Span<T> text, int at, int value)
        where T : IBinaryInteger<T>
    {
        var tens = value / 10;
        text[at] = T.CreateTruncating('0' + tens);
        text[at + 1] = T.CreateTruncating('0' + (value - tens * 10));
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
