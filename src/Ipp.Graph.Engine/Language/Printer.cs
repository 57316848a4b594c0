using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>Prints syntax trees back to GraphQL text, formatted as graphql-js's printer formats them.</summary>
public static class Printer
{
    /// <summary>
    /// The node as GraphQL text, byte for byte what graphql-js 16's <c>print</c> gives: two-space indentation, field
    /// arguments wrapped onto lines when the line would pass 80 characters, descriptions and block strings as written.
    /// </summary>
    public static string Print(Node node) => DocumentPrinter.Print(node);

    /// <summary>A value as a quoted string literal, escaped as graphql-js prints strings: <c>"a \"b\"\n"</c>.</summary>
    public static string PrintString(string value)
    {
        var output = new System.Text.StringBuilder(value.Length + 2);
        StringLiteral.Append(output, value);
        return output.ToString();
    }
}
