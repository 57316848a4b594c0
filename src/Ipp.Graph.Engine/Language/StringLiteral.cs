using System.Text;

namespace Ipp.Graph.Engine.Language;

/// <summary>Writes a value as a quoted GraphQL string literal, escaping as graphql-js's printString does.</summary>
internal static class StringLiteral
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Appends <c>"value"</c>: quote, backslash and control characters (C0 and C1, and DEL) escaped.</summary>
    public static void Append(StringBuilder output, string value)
    {
        output.Append('"');
        var chunkStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var code = value[i];
            if (code >= 0x20 && code != '"' && code != '\\' && (code < 0x7F || code > 0x9F))
            {
                continue;
            }

            output.Append(value, chunkStart, i - chunkStart);
            chunkStart = i + 1;
            switch (code)
            {
                case '"':
                    output.Append("\\\"");
                    break;
                case '\\':
                    output.Append("\\\\");
                    break;
                case '\b':
                    output.Append("\\b");
                    break;
                case '\t':
                    output.Append("\\t");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\f':
                    output.Append("\\f");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                default:
                    output.Append("\\u00").Append(HexDigits[code >> 4]).Append(HexDigits[code & 0xF]);
                    break;
            }
        }

        output.Append(value, chunkStart, value.Length - chunkStart).Append('"');
    }
}
