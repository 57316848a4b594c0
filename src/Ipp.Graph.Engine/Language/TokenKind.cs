namespace Ipp.Graph.Engine.Language;

/// <summary>The kinds of lexical token of GraphQL; comments and other ignored characters produce none.</summary>
public enum TokenKind
{
    /// <summary>Start of file: the token a lexer is on before its first advance.</summary>
    Sof,

    /// <summary>End of file.</summary>
    Eof,

    /// <summary><c>!</c></summary>
    Bang,

    /// <summary><c>$</c></summary>
    Dollar,

    /// <summary><c>&amp;</c></summary>
    Amp,

    /// <summary><c>(</c></summary>
    ParenL,

    /// <summary><c>)</c></summary>
    ParenR,

    /// <summary><c>...</c></summary>
    Spread,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>=</c></summary>
    Equals,

    /// <summary><c>@</c></summary>
    At,

    /// <summary><c>[</c></summary>
    BracketL,

    /// <summary><c>]</c></summary>
    BracketR,

    /// <summary><c>{</c></summary>
    BraceL,

    /// <summary><c>|</c></summary>
    Pipe,

    /// <summary><c>}</c></summary>
    BraceR,

    /// <summary>A name (identifier or keyword).</summary>
    Name,

    /// <summary>An integer literal.</summary>
    Int,

    /// <summary>A float literal.</summary>
    Float,

    /// <summary>A quoted string literal.</summary>
    String,

    /// <summary>A <c>"""</c> block string literal.</summary>
    BlockString,
}

/// <summary>How token kinds are named in syntax error messages.</summary>
public static class TokenKindExtensions
{
    private static readonly string[] Descriptions =
    [
        "<SOF>", "<EOF>", "\"!\"", "\"$\"", "\"&\"", "\"(\"", "\")\"", "\"...\"", "\":\"", "\"=\"", "\"@\"", "\"[\"",
        "\"]\"", "\"{\"", "\"|\"", "\"}\"", "Name", "Int", "Float", "String", "BlockString",
    ];

    /// <summary>The kind as graphql-js names it in messages: punctuators quoted (<c>"{"</c>), others by name (<c>Name</c>, <c>&lt;EOF&gt;</c>).</summary>
    public static string Describe(this TokenKind kind) => Descriptions[(int)kind];
}
