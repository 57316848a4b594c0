using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>The document and its executable definitions: operations, variables, selections, fragments.</summary>
internal sealed partial class DocumentParser
{
    /// <summary>Document: Definition+ (the whole source).</summary>
    private DocumentNode ParseDocument()
    {
        ExpectToken(TokenKind.Sof);
        var mark = _itemCount;
        do
        {
            AddItem(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.Eof));

        return Located(new DocumentNode { Definitions = TakeItems<DefinitionNode>(mark) }, 0);
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }

        // A description may come first, so the keyword can be the token after it.
        var hasDescription = PeekDescription();
        var keyword = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw Error(_lexer.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
        }

        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Text)
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
            }

            if (ParseTypeSystemDefinition(keyword.Text, isExtension: false) is { } typeSystemDefinition)
            {
                return typeSystemDefinition;
            }

            if (hasDescription)
            {
                throw Error(_lexer.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (keyword.Text.SequenceEqual("extend"))
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keyword);
    }

    /// <summary>OperationDefinition: SelectionSet | Description? OperationType Name? VariableDefinitions? Directives? SelectionSet.</summary>
    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Start;
        if (Peek(TokenKind.BraceL))
        {
            var shorthand = ParseSelectionSet();
            return Located(new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = shorthand,
            }, start);
        }

        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return Located(new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = variableDefinitions,
            Directives = directives,
            SelectionSet = selectionSet,
        }, start);
    }

    /// <summary>OperationType: one of query mutation subscription.</summary>
    private OperationType ParseOperationType()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw Expected(TokenKind.Name);
        }

        OperationType operation;
        switch (_lexer.Text)
        {
            case "query":
                operation = OperationType.Query;
                break;
            case "mutation":
                operation = OperationType.Mutation;
                break;
            case "subscription":
                operation = OperationType.Subscription;
                break;
            default:
                // As in graphql-js, the name is consumed first: an error in the token after it takes precedence.
                var token = _lexer.Token;
                Advance();
                throw Unexpected(token);
        }

        Advance();
        return operation;
    }

    /// <summary>VariableDefinitions: ( VariableDefinition+ ).</summary>
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL))
        {
            return [];
        }

        var mark = _itemCount;
        do
        {
            AddItem(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));

        return TakeItems<VariableDefinitionNode>(mark);
    }

    /// <summary>VariableDefinition: Description? Variable : Type DefaultValue? Directives[Const]?.</summary>
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return Located(new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
        }, start);
    }

    /// <summary>Variable: $ Name.</summary>
    private VariableNode ParseVariable()
    {
        var start = _lexer.Start;
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return Located(new VariableNode { Name = name }, start);
    }

    /// <summary>SelectionSet: { Selection+ }.</summary>
    private SelectionSetNode ParseSelectionSet()
    {
        var start = ExpectToken(TokenKind.BraceL);
        EnterNesting(start);
        var mark = _itemCount;
        do
        {
            AddItem(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        ExitNesting();
        return Located(new SelectionSetNode { Selections = TakeItems<SelectionNode>(mark) }, start);
    }

    /// <summary>Field: Alias? Name Arguments? Directives? SelectionSet?.</summary>
    private FieldNode ParseField()
    {
        var start = _lexer.Start;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return Located(new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
        }, start);
    }

    /// <summary>FragmentSpread: ... FragmentName Directives?; InlineFragment: ... TypeCondition? Directives? SelectionSet.</summary>
    private SelectionNode ParseFragment()
    {
        var start = _lexer.Start;
        ExpectToken(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return Located(new FragmentSpreadNode { Name = name, Directives = spreadDirectives }, start);
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return Located(new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
        }, start);
    }

    /// <summary>FragmentDefinition: Description? fragment FragmentName TypeCondition Directives? SelectionSet.</summary>
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return Located(new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
        }, start);
    }

    /// <summary>FragmentName: Name but not <c>on</c> (graphql-js rejects any token whose value is "on", strings included).</summary>
    private NameNode ParseFragmentName()
    {
        if (_lexer.Token.HasValue("on"))
        {
            throw Unexpected();
        }

        return ParseName();
    }
}
