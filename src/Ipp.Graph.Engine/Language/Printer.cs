namespace Ipp.Graph.Engine.Language;

/// <summary>Prints syntax trees back to GraphQL text, formatted as graphql-js's printer formats them.</summary>
public static class Printer
{
    public static string Print(Node node) => throw new NotImplementedException();
}
