using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>
/// A recursive-descent parser over one source: one instance per parse, holding the lexer and the parse's limits.
/// The grammar is split over partial files (executable definitions, values and types, type-system definitions);
/// this file holds the token handling, node locations, list building and the limits.
/// </summary>
internal sealed partial class DocumentParser
{
    private readonly Lexer _lexer;
    private readonly Source _source;
    private readonly bool _noLocation;
    private readonly int _maxTokens;
    private readonly int _maxDepth;
    private int _tokenCount;
    private int _depth;

    // Items of the lists being parsed, nested lists stacked on top of each other; each list is copied out
    // into an array of exactly its length when it ends, so lists cost one allocation each. The buffer is reused
    // by the next parse on the same thread.
    [ThreadStatic]
    private static Node[]? t_spareItems;

    private Node[] _items;
    private int _itemCount;

    public DocumentParser(Source source, ParseOptions? options)
    {
        options ??= ParseOptions.Default;
        if (source.Body.Length > options.MaxSourceLength)
        {
            var maxLength = options.MaxSourceLength.Value;
            throw SyntaxError.Create(
                source,
                Math.Max(maxLength, 0),
                $"Source contains more than {maxLength} UTF-16 code units. Parsing aborted.",
                ErrorCodes.DocumentTooLarge);
        }

        _source = source;
        _lexer = new Lexer(source, options.MaxComments ?? int.MaxValue);
        _noLocation = options.NoLocation;
        _maxTokens = options.MaxTokens ?? int.MaxValue;
        _maxDepth = options.MaxDepth;
        _items = t_spareItems ?? new Node[32];
        t_spareItems = null;
    }

    /// <summary>Parses the whole source as a document.</summary>
    public DocumentNode ParseWholeDocument()
    {
        try
        {
            return ParseDocument();
        }
        finally
        {
            ReleaseItems();
        }
    }

    /// <summary>Parses a whole source as a single value literal (variables allowed unless <paramref name="isConst"/>).</summary>
    public ValueNode ParseWholeValue(bool isConst)
    {
        try
        {
            ExpectToken(TokenKind.Sof);
            var value = ParseValueLiteral(isConst);
            ExpectToken(TokenKind.Eof);
            return value;
        }
        finally
        {
            ReleaseItems();
        }
    }

    /// <summary>Parses a whole source as a single type reference.</summary>
    public TypeNode ParseWholeType()
    {
        try
        {
            ExpectToken(TokenKind.Sof);
            var type = ParseTypeReference();
            ExpectToken(TokenKind.Eof);
            return type;
        }
        finally
        {
            ReleaseItems();
        }
    }

    private bool Peek(TokenKind kind) => _lexer.Kind == kind;

    /// <summary>Moves to the next token, enforcing <see cref="ParseOptions.MaxTokens"/>.</summary>
    private void Advance()
    {
        _lexer.MoveNext();
        if (_lexer.Kind != TokenKind.Eof && ++_tokenCount > _maxTokens)
        {
            // graphql-js's wording, "more that" included, so clients see the same message.
            throw SyntaxError.Create(
                _source,
                _lexer.Start,
                $"Document contains more that {_maxTokens} tokens. Parsing aborted.",
                ErrorCodes.MaxTokensExceeded);
        }
    }

    /// <summary>Consumes a token of the given kind; returns where it started.</summary>
    private int ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw Expected(kind);
        }

        var start = _lexer.Start;
        Advance();
        return start;
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!_lexer.IsName(keyword))
        {
            throw Error(_lexer.Start, $"Expected \"{keyword}\", found {_lexer.Token}.");
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (!_lexer.IsName(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private GraphQLError Expected(TokenKind kind) => Error(_lexer.Start, $"Expected {kind.Describe()}, found {_lexer.Token}.");

    private GraphQLError Unexpected(Token token) => Error(token.Start, $"Unexpected {token}.");

    private GraphQLError Unexpected() => Unexpected(_lexer.Token);

    private GraphQLError Error(int position, string description) => SyntaxError.Create(_source, position, description);

    /// <summary>Gives a node its span: from its first token's start to the end of the last token consumed.</summary>
    private T Located<T>(T node, int start)
        where T : Node
    {
        if (!_noLocation)
        {
            node.SetSpan(start, _lexer.PreviousEnd, _source);
        }

        return node;
    }

    /// <summary>
    /// Counts one more level of nesting (selection set, list or object value, list type) opened by the token at
    /// <paramref name="position"/>; fails past <see cref="ParseOptions.MaxDepth"/> or when the stack runs low.
    /// </summary>
    private void EnterNesting(int position)
    {
        if (++_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw SyntaxError.Create(
                _source,
                position,
                $"Document nests more than {_maxDepth} levels deep. Parsing aborted.",
                ErrorCodes.MaxDepthExceeded);
        }
    }

    private void ExitNesting() => _depth--;

    private void AddItem(Node item)
    {
        if (_itemCount == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_itemCount++] = item;
    }

    /// <summary>The items added since <paramref name="mark"/> (the item count when the list began), as an array.</summary>
    private T[] TakeItems<T>(int mark)
        where T : Node
    {
        var count = _itemCount - mark;
        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Unsafe.As<T>(_items[mark + i]);
        }

        Array.Clear(_items, mark, count);
        _itemCount = mark;
        return result;
    }

    /// <summary>Hands the item buffer, cleared, to the next parse on this thread.</summary>
    private void ReleaseItems()
    {
        Array.Clear(_items, 0, _itemCount);
        _itemCount = 0;
        if (_items.Length <= 1024)
        {
            t_spareItems = _items;
        }
    }
}
