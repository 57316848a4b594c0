using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Language;

/// <summary>Creates the errors the lexer and parser raise: "Syntax Error: ..." at one position of the source.</summary>
internal static class SyntaxError
{
    public static GraphQLError Create(Source source, int position, string description, string code = ErrorCodes.ParseFailed) =>
        new("Syntax Error: " + description, [source.GetLocation(position)], code: code);
}
