namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>Strict reading of RFC 3339 date-times (<c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)</c>).</summary>
internal static class Rfc3339
{
    public enum Result
    {
        Valid,
        MissingOffset,
        Invalid,
    }

    public static Result TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var s = text.AsSpan();
        if (s.Length < 19
            || !Digits(s, 0, 4, out var year) || s[4] != '-'
            || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || s[10] is not ('T' or 't')
            || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute) || s[16] != ':'
            || !Digits(s, 17, 2, out var second))
        {
            return Result.Invalid;
        }

        var i = 19;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }

            if (i == start)
            {
                return Result.Invalid;
            }
        }

        if (i == s.Length)
        {
            return IsValidDateTime(year, month, day, hour, minute, second) ? Result.MissingOffset : Result.Invalid;
        }

        TimeSpan offset;
        if (s[i] is 'Z' or 'z' && i + 1 == s.Length)
        {
            offset = TimeSpan.Zero;
        }
        else if (s[i] is '+' or '-' && i + 6 == s.Length
            && Digits(s, i + 1, 2, out var offsetHours) && s[i + 3] == ':' && Digits(s, i + 4, 2, out var offsetMinutes)
            && offsetHours <= 14 && offsetMinutes <= 59)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (s[i] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return Result.Invalid;
        }

        if (!IsValidDateTime(year, month, day, hour, minute, second))
        {
            return Result.Invalid;
        }

        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
            return Result.Valid;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Year 1 with a positive offset or year 9999 with a negative one falls outside what .NET can hold.
            return Result.Invalid;
        }
    }

    private static bool IsValidDateTime(int year, int month, int day, int hour, int minute, int second) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
        && hour <= 23 && minute <= 59 && second <= 59;

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
