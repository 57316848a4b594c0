using System.Text;
using static Ipp.Graph.Engine.Language.CharacterClasses;

namespace Ipp.Graph.Engine.Language;

/// <summary>
/// Block strings (<c>"""..."""</c>): the dedent that turns their raw lines into a value, and printing a value as a
/// block string, both exactly as graphql-js does.
/// </summary>
public static class BlockString
{
    /// <summary>
    /// The spec's BlockStringValue over raw lines: removes the indentation common to all non-blank lines but the
    /// first, then the leading and trailing blank lines.
    /// </summary>
    public static string[] DedentLines(IReadOnlyList<string> lines)
    {
        var scan = LineScan.Create();
        for (var i = 0; i < lines.Count; i++)
        {
            scan.Add(i, lines[i]);
        }

        if (scan.LastNonBlank < 0)
        {
            return [];
        }

        var result = new string[scan.LastNonBlank - scan.FirstNonBlank + 1];
        for (var i = scan.FirstNonBlank; i <= scan.LastNonBlank; i++)
        {
            var line = lines[i];
            result[i - scan.FirstNonBlank] = i == 0 ? line : line.Substring(Math.Min(scan.CommonIndent, line.Length));
        }

        return result;
    }

    /// <summary>
    /// The lexer's form of <see cref="DedentLines(IReadOnlyList{string})"/>: lines given as [start, end) pairs of
    /// offsets into the source, joined with \n; <paramref name="unescapeQuotes"/> turns <c>\"""</c> into <c>"""</c>.
    /// </summary>
    internal static string DedentLines(string body, ReadOnlySpan<int> bounds, bool unescapeQuotes, StringBuilder builder)
    {
        var scan = LineScan.Create();
        for (var i = 0; i < bounds.Length / 2; i++)
        {
            scan.Add(i, body.AsSpan(bounds[2 * i], bounds[(2 * i) + 1] - bounds[2 * i]));
        }

        if (scan.LastNonBlank < 0)
        {
            return string.Empty;
        }

        if (scan.FirstNonBlank == 0 && scan.LastNonBlank == 0 && !unescapeQuotes)
        {
            return body.Substring(bounds[0], bounds[1] - bounds[0]);
        }

        for (var i = scan.FirstNonBlank; i <= scan.LastNonBlank; i++)
        {
            var start = bounds[2 * i];
            var end = bounds[(2 * i) + 1];
            if (i != 0)
            {
                start = scan.CommonIndent >= end - start ? end : start + scan.CommonIndent;
            }

            if (i != scan.FirstNonBlank)
            {
                builder.Append('\n');
            }

            AppendLine(builder, body, start, end, unescapeQuotes);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether a value printed as a block string reads back as the same value (no control characters, no \r,
    /// no leading or trailing blank line, no indentation common to all lines).
    /// </summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        foreach (var code in value)
        {
            switch (code)
            {
                case <= '\u0008':
                case '\u000B':
                case '\u000C':
                case '\u000E':
                case '\u000F':
                case '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent = hasIndent || isEmptyLine;
                    break;
                default:
                    hasCommonIndent = hasCommonIndent && hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        if (isEmptyLine)
        {
            return false;
        }

        return !(hasCommonIndent && seenNonEmptyLine);
    }

    /// <summary>
    /// Prints a value as a block string the way graphql-js's printBlockString does: <c>"""</c> escaped, and on
    /// separate lines from the quotes when the value spans lines, is long, or its ends would be ambiguous.
    /// <paramref name="minimize"/> keeps it on as few lines as possible.
    /// </summary>
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lineCount = 1;
        var forceLeadingNewLine = true;
        for (var i = 0; i < escaped.Length; i++)
        {
            var code = escaped[i];
            if (code != '\n' && code != '\r')
            {
                continue;
            }

            if (code == '\r' && i + 1 < escaped.Length && escaped[i + 1] == '\n')
            {
                i++;
            }

            lineCount++;
            // Every line after the first must be empty or start with white space for a leading newline to be forced.
            var next = i + 1 < escaped.Length ? escaped[i + 1] : -1;
            if (next != -1 && next != '\n' && next != '\r' && !IsWhiteSpace(next))
            {
                forceLeadingNewLine = false;
            }
        }

        var isSingleLine = lineCount == 1;
        forceLeadingNewLine = forceLeadingNewLine && !isSingleLine;
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes);
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhiteSpace(value[0]);

        var result = new StringBuilder(escaped.Length + 8);
        result.Append("\"\"\"");
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }

    private static void AppendLine(StringBuilder builder, string body, int start, int end, bool unescapeQuotes)
    {
        if (unescapeQuotes)
        {
            for (var i = start; i + 3 < end; i++)
            {
                if (body[i] == '\\' && body[i + 1] == '"' && body[i + 2] == '"' && body[i + 3] == '"')
                {
                    builder.Append(body, start, i - start);
                    start = i + 1;
                    i += 3;
                }
            }
        }

        builder.Append(body, start, end - start);
    }

    private static int LeadingWhiteSpace(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// What the dedent learns from the lines, fed one at a time: the first and last lines that are not blank (-1 when
    /// all are), and the indentation common to the non-blank lines after the first line.
    /// </summary>
    private struct LineScan
    {
        public int CommonIndent;
        public int FirstNonBlank;
        public int LastNonBlank;

        public static LineScan Create() => new() { CommonIndent = int.MaxValue, FirstNonBlank = -1, LastNonBlank = -1 };

        public void Add(int index, ReadOnlySpan<char> line)
        {
            var indent = LeadingWhiteSpace(line);
            if (indent == line.Length)
            {
                return;
            }

            if (FirstNonBlank < 0)
            {
                FirstNonBlank = index;
            }

            LastNonBlank = index;
            if (index != 0 && indent < CommonIndent)
            {
                CommonIndent = indent;
            }
        }
    }
}
