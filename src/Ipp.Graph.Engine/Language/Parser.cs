using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>Parses GraphQL documents (executable and type-system) into syntax trees.</summary>
public static class Parser
{
    /// <summary>Parses a whole document; throws <see cref="Error.GraphQLError"/> (code GRAPHQL_PARSE_FAILED) on a syntax error.</summary>
    public static DocumentNode Parse(string text, ParseOptions? options = null) => Parse(new Source(text), options);

    public static DocumentNode Parse(Source source, ParseOptions? options = null) =>
        new DocumentParser(source, options).ParseWholeDocument();

    /// <summary>Parses a single value literal, such as <c>[1, {a: $x}]</c>.</summary>
    public static ValueNode ParseValue(string text, ParseOptions? options = null) =>
        new DocumentParser(new Source(text), options).ParseWholeValue(isConst: false);

    /// <summary>Parses a single constant value literal (no variables), such as a default value: <c>{a: [1, 2]}</c>.</summary>
    public static ValueNode ParseConstValue(string text, ParseOptions? options = null) =>
        new DocumentParser(new Source(text), options).ParseWholeValue(isConst: true);

    /// <summary>Parses a type reference, such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string text, ParseOptions? options = null) =>
        new DocumentParser(new Source(text), options).ParseWholeType();
}
