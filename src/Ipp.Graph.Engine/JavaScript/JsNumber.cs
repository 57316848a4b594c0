using System.Globalization;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>
/// JavaScript's number-to-text and text-to-number conversions (<c>String(n)</c> and <c>Number(s)</c>), which
/// graphql-js's messages and coercion rules are phrased in.
/// </summary>
internal static class JsNumber
{
    /// <summary>The text JavaScript gives a number: shortest round-trip digits, <c>1e+21</c>, <c>1.5e-7</c>, <c>0</c> for -0.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        // "R" gives the shortest digits that round-trip, like JavaScript; only the layout differs.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var pointAt = mantissa.IndexOf('.');
        var digits = pointAt < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, pointAt), mantissa.AsSpan(pointAt + 1));

        // n is where the decimal point goes relative to the digits (value = 0.digits * 10^n).
        var n = (pointAt < 0 ? mantissa.Length : pointAt) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        n -= leading;
        var k = digits.Length;

        var result = new System.Text.StringBuilder(k + 8);
        if (value < 0)
        {
            result.Append('-');
        }

        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }

            result.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }

    /// <summary>JavaScript's <c>Number(text)</c>: NaN when the text is not a number literal; empty or blank text is 0.</summary>
    public static double Parse(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        var end = span.Length;
        while (start < end && IsJsWhiteSpace(span[start]))
        {
            start++;
        }

        while (end > start && IsJsWhiteSpace(span[end - 1]))
        {
            end--;
        }

        span = span[start..end];
        if (span.IsEmpty)
        {
            return 0;
        }

        if (span.Length > 2 && span[0] == '0' && (span[1] | 0x20) is 'x' or 'o' or 'b')
        {
            var radix = (span[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return ParseRadix(span[2..], radix);
        }

        var unsigned = span[0] is '+' or '-' ? span[1..] : span;
        if (unsigned.SequenceEqual("Infinity"))
        {
            return span[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return IsDecimalLiteral(unsigned)
            ? double.Parse(span, NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.NaN;
    }

    private static bool IsJsWhiteSpace(char c) => c == '\uFEFF' || (char.IsWhiteSpace(c) && c != '\u0085');

    private static double ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        double result = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return double.NaN;
            }

            result = (result * radix) + digit;
        }

        return result;
    }

    /// <summary>Digits with an optional fraction and exponent: <c>1</c>, <c>1.</c>, <c>.5</c>, <c>2e-3</c>.</summary>
    private static bool IsDecimalLiteral(ReadOnlySpan<char> text)
    {
        var i = 0;
        var integerDigits = CountDigits(text, ref i);
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fractionDigits = CountDigits(text, ref i);
        }

        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }

        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
