namespace Ipp.Graph.Engine.Language;

/// <summary>
/// A lexical token: its kind and the [Start, End) character offsets of its text in the source. The text of names
/// and numbers is read from the source on demand, so lexing allocates no string for them.
/// </summary>
public readonly struct Token
{
    private readonly string? _body;
    private readonly string? _value;

    internal Token(TokenKind kind, int start, int end, string body, string? value = null)
    {
        Kind = kind;
        Start = start;
        End = end;
        _body = body;
        _value = value;
    }

    public TokenKind Kind { get; }

    /// <summary>Offset of the token's first character.</summary>
    public int Start { get; }

    /// <summary>Offset just past the token's last character.</summary>
    public int End { get; }

    /// <summary>The token's text exactly as written in the source, quotes and escapes included.</summary>
    public ReadOnlySpan<char> Text => _body is null ? default : _body.AsSpan(Start, End - Start);

    /// <summary>
    /// The token's value: the text of a name or number (a new string on each call), the content of a string with escapes
    /// resolved, the dedented content of a block string; null for punctuators, start and end of file.
    /// </summary>
    public string? Value => Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => _body!.Substring(Start, End - Start),
        TokenKind.String or TokenKind.BlockString => _value,
        _ => null,
    };

    /// <summary>Whether this is a name token spelling the given word (compared in place, without allocating).</summary>
    public bool IsName(string word) => Kind == TokenKind.Name && Text.SequenceEqual(word);

    /// <summary>
    /// Whether the token's value equals the given text, whatever its kind (names and numbers are compared in place).
    /// graphql-js compares token values this way in a few places, so a string <c>"on"</c> counts as <c>on</c> there.
    /// </summary>
    internal bool HasValue(string text) => Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float => Text.SequenceEqual(text),
        TokenKind.String or TokenKind.BlockString => _value == text,
        _ => false,
    };

    /// <summary>The token as syntax error messages name it: <c>Name "x"</c>, <c>"{"</c>, <c>&lt;EOF&gt;</c>.</summary>
    public override string ToString()
    {
        var value = Value;
        return value is null ? Kind.Describe() : Kind.Describe() + " \"" + value + "\"";
    }
}
