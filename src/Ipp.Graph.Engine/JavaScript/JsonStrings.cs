using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>Reads JSON string values the way JavaScript's JSON.parse does.</summary>
public static class JsonStrings
{
    /// <summary>
    /// The string a JSON string element holds. Unlike <see cref="JsonElement.GetString"/>, which refuses escapes of
    /// lone surrogates (<c>"\ud800"</c>), this accepts them as JSON.parse (and so graphql-js) does: a .NET string
    /// can hold a lone surrogate as well as a JavaScript one.
    /// </summary>
    public static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            return Unescape(element.GetRawText());
        }
    }

    /// <summary>Decodes a JSON string token (with its quotes) that is known to be well formed.</summary>
    private static string Unescape(string token)
    {
        var builder = new StringBuilder(token.Length);
        for (var i = 1; i < token.Length - 1; i++)
        {
            var c = token[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            c = token[++i];
            switch (c)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    builder.Append((char)int.Parse(token.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: builder.Append(c); break; // \" \\ \/
            }
        }

        return builder.ToString();
    }
}
