using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Types.Scalars;

/// <summary>
/// <c>URL</c>: an RFC 3986 URI reference, absolute (<c>https://example.org/a</c>) or relative (<c>/a/b?c</c>),
/// written with the characters RFC 3986 allows only (others percent-encoded, each <c>%</c> followed by two hexadecimal
/// digits). Internal value: <see cref="Uri"/>. Output accepts Uris and such strings and writes the text as it is.
/// </summary>
public sealed class UrlScalar : ScalarType
{
    /// <summary>The specification this scalar follows.</summary>
    public const string SpecificationUrl = "https://www.rfc-editor.org/rfc/rfc3986";

    public UrlScalar(string name = "URL")
        : base(name, "A URL (an RFC 3986 URI reference): absolute, such as `https://example.org/a`, or relative, such as `/a`.", SpecificationUrl)
    {
    }

    public override object Serialize(object value) => value switch
    {
        Uri { IsAbsoluteUri: true } uri when IsWellFormed(uri.AbsoluteUri) => uri.AbsoluteUri,
        Uri uri when IsWellFormed(uri.OriginalString) => uri.OriginalString,
        string text when IsWellFormed(text) => text,
        _ => throw new GraphQLError($"{Name} cannot represent value: {Inspect.Format(value)}"),
    };

    public override object ParseValue(object value) => value switch
    {
        string text => ParseText(text, null),
        JsonElement { ValueKind: JsonValueKind.String } element => ParseText(JsonStrings.GetString(element)!, null),
        Uri uri when IsWellFormed(uri.OriginalString) => uri,
        _ => throw new GraphQLError($"{Name} cannot represent a non string value: {Inspect.Format(value)}"),
    };

    public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal is StringValueNode text
        ? ParseText(text.Value, literal)
        : throw new GraphQLError($"{Name} cannot represent a non string value: {Printer.Print(literal)}", [literal]);

    /// <summary>RFC 3986's characters (unreserved, reserved, percent-encodings) that .NET also reads as a URI reference.</summary>
    private static bool IsWellFormed(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !"-._~:/?#[]@!$&'()*+,;=".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _);
    }

    private object ParseText(string text, ValueNode? literal) => IsWellFormed(text)
        ? new Uri(text, UriKind.RelativeOrAbsolute)
        : throw new GraphQLError($"{Name} cannot represent an invalid URL: {Inspect.Quote(text)}.", [literal]);
}
