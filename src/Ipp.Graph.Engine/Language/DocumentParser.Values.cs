namespace Ipp.Graph.Engine.Language;

/// <summary>Names, arguments, value literals, directives and type references.</summary>
internal sealed partial class DocumentParser
{
    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode(token.Value!) { Location = LocationFrom(token.Start) };
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
            var start = _lexer.Token.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            AddItem(new ArgumentNode { Name = name, Value = value, Location = LocationFrom(start) });
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return TakeItems<ArgumentNode>(mark);
    }

    /// <summary>Value: a variable (unless <paramref name="isConst"/>), scalar literal, enum value, list or object.</summary>
    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode { Value = token.Value!, Location = LocationFrom(token.Start) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode { Value = token.Value!, Location = LocationFrom(token.Start) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                switch (token.Text)
                {
                    case "true":
                        return new BooleanValueNode { Value = true, Location = LocationFrom(token.Start) };
                    case "false":
                        return new BooleanValueNode { Value = false, Location = LocationFrom(token.Start) };
                    case "null":
                        return new NullValueNode { Location = LocationFrom(token.Start) };
                    default:
                        return new EnumValueNode { Value = token.Value!, Location = LocationFrom(token.Start) };
                }

            case TokenKind.Dollar:
                if (isConst)
                {
                    ExpectToken(TokenKind.Dollar);
                    var next = _lexer.Token;
                    if (next.Kind == TokenKind.Name)
                    {
                        throw Error(token.Start, $"Unexpected variable \"${next.Value}\" in constant value.");
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        Advance();
        return new StringValueNode
        {
            Value = token.Value!,
            Block = token.Kind == TokenKind.BlockString,
            Location = LocationFrom(token.Start),
        };
    }

    /// <summary>ListValue: [ Value* ].</summary>
    private ListValueNode ParseList(bool isConst)
    {
        var start = ExpectToken(TokenKind.BracketL).Start;
        EnterNesting(start);
        var mark = _itemCount;
        while (!ExpectOptionalToken(TokenKind.BracketR))
        {
            AddItem(ParseValueLiteral(isConst));
        }

        ExitNesting();
        return new ListValueNode { Values = TakeItems<ValueNode>(mark), Location = LocationFrom(start) };
    }

    /// <summary>ObjectValue: { ObjectField* }, where each field is Name : Value.</summary>
    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = ExpectToken(TokenKind.BraceL).Start;
        EnterNesting(start);
        var mark = _itemCount;
        while (!ExpectOptionalToken(TokenKind.BraceR))
        {
            var fieldStart = _lexer.Token.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            AddItem(new ObjectFieldNode { Name = name, Value = value, Location = LocationFrom(fieldStart) });
        }

        ExitNesting();
        return new ObjectValueNode { Fields = TakeItems<ObjectFieldNode>(mark), Location = LocationFrom(start) };
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
            var start = _lexer.Token.Start;
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            AddItem(new DirectiveNode { Name = name, Arguments = arguments, Location = LocationFrom(start) });
        }
        while (Peek(TokenKind.At));

        return TakeItems<DirectiveNode>(mark);
    }

    /// <summary>Type: NamedType | [ Type ] | Type !.</summary>
    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token.Start;
        TypeNode type;
        if (ExpectOptionalToken(TokenKind.BracketL))
        {
            EnterNesting(start);
            var itemType = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            ExitNesting();
            type = new ListTypeNode { Type = itemType, Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = LocationFrom(start) };
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token.Start;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = LocationFrom(start) };
    }
}
