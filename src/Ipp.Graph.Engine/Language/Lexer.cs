using System.Text;
using Ipp.Graph.Engine.Error;
using static Ipp.Graph.Engine.Language.CharacterClasses;

namespace Ipp.Graph.Engine.Language;

/// <summary>
/// Reads the tokens of a GraphQL source one at a time, skipping ignored characters (white space, line terminators,
/// commas, the byte order mark and comments). Starts on a <see cref="TokenKind.Sof"/> token and, once the source is
/// exhausted, stays on <see cref="TokenKind.Eof"/>. Malformed text raises a <see cref="GraphQLError"/> with
/// graphql-js's message and code <see cref="ErrorCodes.ParseFailed"/>.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private readonly int _maxComments;
    private int _commentCount;
    private StringBuilder? _builder;
    private int[]? _lineBounds;

    // The token after the current one, once looked ahead at.
    private bool _hasLookahead;
    private TokenKind _nextKind;
    private int _nextStart;
    private int _nextEnd;
    private string? _nextValue;

    public Lexer(Source source)
        : this(source, int.MaxValue)
    {
    }

    /// <summary>A lexer that fails (code MAX_TOKENS_EXCEEDED) on meeting more than <paramref name="maxComments"/> comments.</summary>
    internal Lexer(Source source, int maxComments)
    {
        Source = source;
        _body = source.Body;
        _maxComments = maxComments;
        Kind = TokenKind.Sof;
    }

    public Source Source { get; }

    /// <summary>The token the lexer is on.</summary>
    public Token Token => new(Kind, Start, End, _body, Value);

    // The current token is kept in fields (rather than a Token) so the parser reads them without copying.
    internal TokenKind Kind { get; private set; }

    internal int Start { get; private set; }

    internal int End { get; private set; }

    /// <summary>The value of a String or BlockString token; null for others.</summary>
    internal string? Value { get; private set; }

    /// <summary>Where the token before the current one ended.</summary>
    internal int PreviousEnd { get; private set; }

    /// <summary>The current token's source text.</summary>
    internal ReadOnlySpan<char> Text => _body.AsSpan(Start, End - Start);

    /// <summary>The current token's source text as a new string (the value of a name or number).</summary>
    internal string TextString => _body.Substring(Start, End - Start);

    /// <summary>Moves to the next token and returns it.</summary>
    public Token Advance()
    {
        MoveNext();
        return Token;
    }

    /// <summary>The token after the current one, without moving to it.</summary>
    public Token Lookahead()
    {
        if (Kind == TokenKind.Eof)
        {
            return Token;
        }

        if (!_hasLookahead)
        {
            var (kind, start, end, value) = (Kind, Start, End, Value);
            ReadToken(end);
            (_nextKind, _nextStart, _nextEnd, _nextValue) = (Kind, Start, End, Value);
            (Kind, Start, End, Value) = (kind, start, end, value);
            _hasLookahead = true;
        }

        return new Token(_nextKind, _nextStart, _nextEnd, _body, _nextValue);
    }

    /// <summary>Whether the current token is a name spelling the word.</summary>
    internal bool IsName(string word) => Kind == TokenKind.Name && Text.SequenceEqual(word);

    /// <summary>Moves to the next token.</summary>
    internal void MoveNext()
    {
        PreviousEnd = End;
        if (_hasLookahead)
        {
            (Kind, Start, End, Value) = (_nextKind, _nextStart, _nextEnd, _nextValue);
            _hasLookahead = false;
        }
        else if (Kind != TokenKind.Eof)
        {
            ReadToken(End);
        }
    }

    private void SetToken(TokenKind kind, int start, int end, string? value = null)
    {
        Kind = kind;
        Start = start;
        End = end;
        Value = value;
    }

    private int CharAt(int position) => (uint)position < (uint)_body.Length ? _body[position] : -1;

    private void ReadToken(int position)
    {
        var body = _body;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            switch (code)
            {
                case ' ':
                case ',':
                case '\n':
                case '\r':
                case '\t':
                case '\uFEFF':
                    position++;
                    continue;
                case '#':
                    if (++_commentCount > _maxComments)
                    {
                        throw SyntaxError.Create(
                            Source,
                            position,
                            $"Document contains more than {_maxComments} comments. Parsing aborted.",
                            ErrorCodes.MaxTokensExceeded);
                    }

                    position = SkipComment(position + 1);
                    continue;
                case '!':
                    SetToken(TokenKind.Bang, position, position + 1);
                    return;
                case '$':
                    SetToken(TokenKind.Dollar, position, position + 1);
                    return;
                case '&':
                    SetToken(TokenKind.Amp, position, position + 1);
                    return;
                case '(':
                    SetToken(TokenKind.ParenL, position, position + 1);
                    return;
                case ')':
                    SetToken(TokenKind.ParenR, position, position + 1);
                    return;
                case '.':
                    if (CharAt(position + 1) == '.' && CharAt(position + 2) == '.')
                    {
                        SetToken(TokenKind.Spread, position, position + 3);
                        return;
                    }

                    break;
                case ':':
                    SetToken(TokenKind.Colon, position, position + 1);
                    return;
                case '=':
                    SetToken(TokenKind.Equals, position, position + 1);
                    return;
                case '@':
                    SetToken(TokenKind.At, position, position + 1);
                    return;
                case '[':
                    SetToken(TokenKind.BracketL, position, position + 1);
                    return;
                case ']':
                    SetToken(TokenKind.BracketR, position, position + 1);
                    return;
                case '{':
                    SetToken(TokenKind.BraceL, position, position + 1);
                    return;
                case '|':
                    SetToken(TokenKind.Pipe, position, position + 1);
                    return;
                case '}':
                    SetToken(TokenKind.BraceR, position, position + 1);
                    return;
                case '"':
                    if (CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
                    {
                        ReadBlockString(position);
                    }
                    else
                    {
                        ReadString(position);
                    }

                    return;
            }

            if (IsNameStart(code))
            {
                ReadName(position);
                return;
            }

            if (IsDigit(code) || code == '-')
            {
                ReadNumber(position, code);
                return;
            }

            throw Error(
                position,
                code == '\''
                    ? "Unexpected single quote character ('), did you mean to use a double quote (\")?"
                    : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(body, position)
                        ? "Unexpected character: " + DescribeCharacterAt(position) + "."
                        : "Invalid character: " + DescribeCharacterAt(position) + ".");
        }

        SetToken(TokenKind.Eof, body.Length, body.Length);
    }

    /// <summary>Skips a comment's text (after its '#'); it ends before a line terminator or a character GraphQL does not allow.</summary>
    private int SkipComment(int position)
    {
        var body = _body;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            if (code == '\n' || code == '\r')
            {
                break;
            }

            var width = SourceCharacterWidth(body, position);
            if (width == 0)
            {
                break;
            }

            position += width;
        }

        return position;
    }

    private void ReadName(int start)
    {
        var body = _body;
        var position = start + 1;
        while ((uint)position < (uint)body.Length && IsNameContinue(body[position]))
        {
            position++;
        }

        SetToken(TokenKind.Name, start, position);
    }

    /// <summary>Reads an Int or Float: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>, not followed by a digit, '.' or name start.</summary>
    private void ReadNumber(int start, int code)
    {
        var position = start;
        var isFloat = false;
        if (code == '-')
        {
            code = CharAt(++position);
        }

        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code))
            {
                throw Error(position, "Invalid number, unexpected digit after 0: " + DescribeCharacterAt(position) + ".");
            }
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-')
            {
                code = CharAt(++position);
            }

            position = ReadDigits(position, code);
            code = CharAt(position);
        }

        if (code == '.' || IsNameStart(code))
        {
            throw Error(position, "Invalid number, expected digit but got: " + DescribeCharacterAt(position) + ".");
        }

        SetToken(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    private int ReadDigits(int start, int firstCode)
    {
        if (!IsDigit(firstCode))
        {
            throw Error(start, "Invalid number, expected digit but got: " + DescribeCharacterAt(start) + ".");
        }

        var position = start + 1;
        while (IsDigit(CharAt(position)))
        {
            position++;
        }

        return position;
    }

    private void ReadString(int start)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            if (code == '"')
            {
                var text = value is null
                    ? body.Substring(chunkStart, position - chunkStart)
                    : value.Append(body, chunkStart, position - chunkStart).ToString();
                SetToken(TokenKind.String, start, position + 1, text);
                return;
            }

            if (code == '\\')
            {
                value ??= RentBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                position += ReadEscape(position, value);
                chunkStart = position;
                continue;
            }

            if (code == '\n' || code == '\r')
            {
                break;
            }

            var width = SourceCharacterWidth(body, position);
            if (width == 0)
            {
                throw Error(position, "Invalid character within String: " + DescribeCharacterAt(position) + ".");
            }

            position += width;
        }

        throw Error(position, "Unterminated string.");
    }

    /// <summary>Appends the character an escape sequence (at a backslash) stands for; returns the sequence's length.</summary>
    private int ReadEscape(int position, StringBuilder value)
    {
        char resolved;
        switch (CharAt(position + 1))
        {
            case 'u':
                return CharAt(position + 2) == '{'
                    ? ReadVariableWidthUnicodeEscape(position, value)
                    : ReadFixedWidthUnicodeEscape(position, value);
            case '"':
                resolved = '"';
                break;
            case '\\':
                resolved = '\\';
                break;
            case '/':
                resolved = '/';
                break;
            case 'b':
                resolved = '\b';
                break;
            case 'f':
                resolved = '\f';
                break;
            case 'n':
                resolved = '\n';
                break;
            case 'r':
                resolved = '\r';
                break;
            case 't':
                resolved = '\t';
                break;
            default:
                throw Error(position, "Invalid character escape sequence: \"" + Slice(position, position + 2) + "\".");
        }

        value.Append(resolved);
        return 2;
    }

    /// <summary><c>\u{1F600}</c>: one to eight hex digits (at most 12 characters in all) naming a Unicode scalar value.</summary>
    private int ReadVariableWidthUnicodeEscape(int position, StringBuilder value)
    {
        var point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point))
                {
                    break;
                }

                AppendCodePoint(value, point);
                return size;
            }

            // A negative value marks a non-hex digit, or a ninth digit overflowing into the sign bit.
            point = (point << 4) | HexValue(code);
            if (point < 0)
            {
                break;
            }
        }

        throw Error(position, "Invalid Unicode escape sequence: \"" + Slice(position, position + size) + "\".");
    }

    /// <summary><c>\u00E9</c>; a leading surrogate is accepted only when an escaped trailing surrogate follows (JSON style).</summary>
    private int ReadFixedWidthUnicodeEscape(int position, StringBuilder value)
    {
        var code = Read16BitHex(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }

        if (IsLeadingSurrogate(code) && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            var trailing = Read16BitHex(position + 8);
            if (IsTrailingSurrogate(trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }

        throw Error(position, "Invalid Unicode escape sequence: \"" + Slice(position, position + 6) + "\".");
    }

    /// <summary>Four hex digits as a number; negative when any is not a hex digit.</summary>
    private int Read16BitHex(int position) =>
        (HexValue(CharAt(position)) << 12)
        | (HexValue(CharAt(position + 1)) << 8)
        | (HexValue(CharAt(position + 2)) << 4)
        | HexValue(CharAt(position + 3));

    private static void AppendCodePoint(StringBuilder value, int point)
    {
        if (point < 0x10000)
        {
            value.Append((char)point);
        }
        else
        {
            point -= 0x10000;
            value.Append((char)(0xD800 + (point >> 10))).Append((char)(0xDC00 + (point & 0x3FF)));
        }
    }

    /// <summary>Reads <c>"""..."""</c>: raw lines (only <c>\"""</c> is an escape), then dedented as the spec's BlockStringValue says.</summary>
    private void ReadBlockString(int start)
    {
        var body = _body;
        var position = start + 3;
        var lineStart = position;
        var boundCount = 0;
        var hasEscapedQuotes = false;
        while ((uint)position < (uint)body.Length)
        {
            var code = body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                AddLineBounds(ref boundCount, lineStart, position);
                var value = BlockString.DedentLines(body, _lineBounds.AsSpan(0, boundCount), hasEscapedQuotes, RentBuilder());
                SetToken(TokenKind.BlockString, start, position + 3, value);
                return;
            }

            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                hasEscapedQuotes = true;
                position += 4;
                continue;
            }

            if (code == '\n' || code == '\r')
            {
                AddLineBounds(ref boundCount, lineStart, position);
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                lineStart = position;
                continue;
            }

            var width = SourceCharacterWidth(body, position);
            if (width == 0)
            {
                throw Error(position, "Invalid character within String: " + DescribeCharacterAt(position) + ".");
            }

            position += width;
        }

        throw Error(position, "Unterminated string.");
    }

    private void AddLineBounds(ref int count, int start, int end)
    {
        _lineBounds ??= new int[16];
        if (count + 2 > _lineBounds.Length)
        {
            Array.Resize(ref _lineBounds, _lineBounds.Length * 2);
        }

        _lineBounds[count++] = start;
        _lineBounds[count++] = end;
    }

    private StringBuilder RentBuilder() => (_builder ??= new StringBuilder()).Clear();

    private string Slice(int start, int end) => _body.Substring(start, Math.Min(end, _body.Length) - start);

    /// <summary>
    /// The character at a position as error messages show it: printable ASCII quoted (<c>"a"</c>, or <c>'"'</c>),
    /// anything else as <c>U+XXXX</c> (a surrogate pair as its code point), and <c>&lt;EOF&gt;</c> past the end.
    /// </summary>
    private string DescribeCharacterAt(int position)
    {
        if ((uint)position >= (uint)_body.Length)
        {
            return TokenKind.Eof.Describe();
        }

        int code = _body[position];
        if (IsSupplementaryCodePoint(_body, position))
        {
            code = char.ConvertToUtf32(_body[position], _body[position + 1]);
        }

        if (code >= 0x20 && code <= 0x7E)
        {
            return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        }

        return "U+" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }

    private GraphQLError Error(int position, string description) => SyntaxError.Create(Source, position, description);
}
