using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>Names, arguments, value literals, directives and type references.</summary>
internal sealed partial class DocumentParser
{
    private NameNode ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw Expected(TokenKind.Name);
        }

        var start = _lexer.Start;
        var value = _lexer.TextString;
        Advance();
        return Located(new NameNode(value), start);
    }

    /// <summary>Arguments: ( Argument+ ), where each argument is Name : Value.</summary>
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _itemCount;
        do
        {
            var start = _lexer.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            AddItem(Located(new ArgumentNode { Name = name, Value = value }, start));
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return TakeItems<ArgumentNode>(mark);
    }

    /// <summary>Value: a variable (unless <paramref name="isConst"/>), scalar literal, enum value, list or object.</summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var start = _lexer.Start;
        switch (_lexer.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                var integer = _lexer.TextString;
                Advance();
                return Located(new IntValueNode { Value = integer }, start);
            case TokenKind.Float:
                var number = _lexer.TextString;
                Advance();
                return Located(new FloatValueNode { Value = number }, start);
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                return ParseNameValue(start);
            case TokenKind.Dollar:
                if (isConst)
                {
                    // Consumes the "$" first, as graphql-js does, to name the variable in the message.
                    var dollar = _lexer.Token;
                    Advance();
                    if (_lexer.Kind == TokenKind.Name)
                    {
                        throw Error(start, $"Unexpected variable \"${_lexer.TextString}\" in constant value.");
                    }

                    throw Unexpected(dollar);
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    /// <summary>A name as a value: true, false, null or an enum value.</summary>
    private ValueNode ParseNameValue(int start)
    {
        switch (_lexer.Text)
        {
            case "true":
                Advance();
                return Located(new BooleanValueNode { Value = true }, start);
            case "false":
                Advance();
                return Located(new BooleanValueNode { Value = false }, start);
            case "null":
                Advance();
                return Located(new NullValueNode(), start);
            default:
                var name = _lexer.TextString;
                Advance();
                return Located(new EnumValueNode { Value = name }, start);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var start = _lexer.Start;
        var value = _lexer.Value!;
        var block = _lexer.Kind == TokenKind.BlockString;
        Advance();
        return Located(new StringValueNode { Value = value, Block = block }, start);
    }

    /// <summary>ListValue: [ Value* ].</summary>
    private ListValueNode ParseList(bool isConst)
    {
        var start = ExpectToken(TokenKind.BracketL);
        EnterNesting(start);
        var mark = _itemCount;
        while (!ExpectOptionalToken(TokenKind.BracketR))
        {
            AddItem(ParseValueLiteral(isConst));
        }

        ExitNesting();
        return Located(new ListValueNode { Values = TakeItems<ValueNode>(mark) }, start);
    }

    /// <summary>ObjectValue: { ObjectField* }, where each field is Name : Value.</summary>
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = ExpectToken(TokenKind.BraceL);
        EnterNesting(start);
        var mark = _itemCount;
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            var fieldStart = _lexer.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            AddItem(Located(new ObjectFieldNode { Name = name, Value = value }, fieldStart));
        }

        ExitNesting();
        return Located(new ObjectValueNode { Fields = TakeItems<ObjectFieldNode>(mark) }, start);
    }

    /// <summary>Directives: Directive+, where each directive is @ Name Arguments?.</summary>
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var mark = _itemCount;
        do
        {
            var start = _lexer.Start;
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            AddItem(Located(new DirectiveNode { Name = name, Arguments = arguments }, start));
        }
        while (Peek(TokenKind.At));

        return TakeItems<DirectiveNode>(mark);
    }

    /// <summary>Type: NamedType | [ Type ] | Type !.</summary>
    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Start;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            EnterNesting(start);
            var itemType = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            ExitNesting();
            type = Located(new ListTypeNode { Type = itemType }, start);
        }
        else
        {
            type = ParseNamedType();
        }

        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return Located(new NonNullTypeNode { Type = type }, start);
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Start;
        var name = ParseName();
        return Located(new NamedTypeNode { Name = name }, start);
    }
}
