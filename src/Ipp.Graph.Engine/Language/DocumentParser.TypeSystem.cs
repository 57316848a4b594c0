namespace Ipp.Graph.Engine.Language;

/// <summary>Type-system definitions and extensions: schema, types, fields, arguments, enum values, directives.</summary>
internal sealed partial class DocumentParser
{
    private bool PeekDescription() => CurrentKind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    /// <summary>SchemaDefinition: Description? schema Directives[Const]? { OperationTypeDefinition+ }.</summary>
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.BraceL);
        var operationTypes = ParseOperationTypeDefinitionsAfterBrace();
        return Located(new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
        }, start);
    }

    /// <summary>OperationTypeDefinition+ }, the opening brace already consumed.</summary>
    private OperationTypeDefinitionNode[] ParseOperationTypeDefinitionsAfterBrace()
    {
        var mark = _itemCount;
        do
        {
            var start = _lexer.Start;
            var operation = ParseOperationType();
            ExpectToken(TokenKind.Colon);
            var type = ParseNamedType();
            AddItem(Located(new OperationTypeDefinitionNode { Operation = operation, Type = type }, start));
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return TakeItems<OperationTypeDefinitionNode>(mark);
    }

    /// <summary>ScalarTypeDefinition: Description? scalar Name Directives[Const]?.</summary>
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return Located(new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
        }, start);
    }

    /// <summary>ObjectTypeDefinition: Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?.</summary>
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return Located(new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
        }, start);
    }

    /// <summary>ImplementsInterfaces: implements &amp;? NamedType (&amp; NamedType)*.</summary>
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? ParseNamedTypesDelimitedBy(TokenKind.Amp) : [];

    /// <summary>A list of named types separated (and optionally preceded) by a delimiter: <c>&amp;</c> or <c>|</c>.</summary>
    private NamedTypeNode[] ParseNamedTypesDelimitedBy(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        var mark = _itemCount;
        do
        {
            AddItem(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));

        return TakeItems<NamedTypeNode>(mark);
    }

    /// <summary>FieldsDefinition: { FieldDefinition+ }.</summary>
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _itemCount;
        do
        {
            AddItem(ParseFieldDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return TakeItems<FieldDefinitionNode>(mark);
    }

    /// <summary>FieldDefinition: Description? Name ArgumentsDefinition? : Type Directives[Const]?.</summary>
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return Located(new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = directives,
        }, start);
    }

    /// <summary>ArgumentsDefinition ( ... ) or InputFieldsDefinition { ... }: one or more InputValueDefinitions, if opened.</summary>
    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }

        var mark = _itemCount;
        do
        {
            AddItem(ParseInputValueDefinition());
        }
        while (!ExpectOptionalToken(close));

        return TakeItems<InputValueDefinitionNode>(mark);
    }

    /// <summary>InputValueDefinition: Description? Name : Type DefaultValue? Directives[Const]?.</summary>
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        var name = ParseName();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return Located(new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
        }, start);
    }

    /// <summary>InterfaceTypeDefinition: Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?.</summary>
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return Located(new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
        }, start);
    }

    /// <summary>UnionTypeDefinition: Description? union Name Directives[Const]? UnionMemberTypes?.</summary>
    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return Located(new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = types,
        }, start);
    }

    /// <summary>UnionMemberTypes: = |? NamedType (| NamedType)*.</summary>
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseNamedTypesDelimitedBy(TokenKind.Pipe) : [];

    /// <summary>EnumTypeDefinition: Description? enum Name Directives[Const]? EnumValuesDefinition?.</summary>
    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return Located(new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = values,
        }, start);
    }

    /// <summary>EnumValuesDefinition: { EnumValueDefinition+ }.</summary>
    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.BraceL))
        {
            return [];
        }

        var mark = _itemCount;
        do
        {
            var start = _lexer.Start;
            var description = ParseDescription();
            var name = ParseEnumValueName();
            var directives = ParseDirectives(isConst: true);
            AddItem(Located(new EnumValueDefinitionNode
            {
                Description = description,
                Name = name,
                Directives = directives,
            }, start));
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));

        return TakeItems<EnumValueDefinitionNode>(mark);
    }

    /// <summary>EnumValue: Name but not true, false or null.</summary>
    private NameNode ParseEnumValueName()
    {
        var token = _lexer.Token;
        if (token.HasValue("true") || token.HasValue("false") || token.HasValue("null"))
        {
            throw Error(token.Start, $"{token} is reserved and cannot be used for an enum value.");
        }

        return ParseName();
    }

    /// <summary>InputObjectTypeDefinition: Description? input Name Directives[Const]? InputFieldsDefinition?.</summary>
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        return Located(new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = fields,
        }, start);
    }

    /// <summary>DirectiveDefinition: Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations.</summary>
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("directive");
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseInputValueDefinitions(TokenKind.ParenL, TokenKind.ParenR);
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = ParseDirectiveLocations();
        return Located(new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = locations,
        }, start);
    }

    /// <summary>DirectiveLocations: |? DirectiveLocation (| DirectiveLocation)*.</summary>
    private NameNode[] ParseDirectiveLocations()
    {
        ExpectOptionalToken(TokenKind.Pipe);
        var mark = _itemCount;
        do
        {
            var token = _lexer.Token;
            var name = ParseName();
            if (!IsDirectiveLocation(token.Text))
            {
                throw Unexpected(token);
            }

            AddItem(name);
        }
        while (ExpectOptionalToken(TokenKind.Pipe));

        return TakeItems<NameNode>(mark);
    }

    /// <summary>The directive locations graphql-js 16 knows (the spec's, and its experimental DIRECTIVE_DEFINITION).</summary>
    private static bool IsDirectiveLocation(ReadOnlySpan<char> name) => name switch
    {
        "QUERY" or "MUTATION" or "SUBSCRIPTION" or "FIELD" or "FRAGMENT_DEFINITION" or "FRAGMENT_SPREAD"
            or "INLINE_FRAGMENT" or "VARIABLE_DEFINITION" or "SCHEMA" or "SCALAR" or "OBJECT" or "FIELD_DEFINITION"
            or "ARGUMENT_DEFINITION" or "INTERFACE" or "UNION" or "ENUM" or "ENUM_VALUE" or "INPUT_OBJECT"
            or "INPUT_FIELD_DEFINITION" or "DIRECTIVE_DEFINITION" => true,
        _ => false,
    };

    /// <summary>TypeSystemExtension: extend followed by schema, scalar, type, interface, union, enum or input.</summary>
    private TypeSystemDefinitionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Text)
            {
                case "schema":
                    return ParseSchemaExtension();
                case "scalar":
                    return ParseScalarTypeExtension();
                case "type":
                    return ParseObjectTypeExtension();
                case "interface":
                    return ParseInterfaceTypeExtension();
                case "union":
                    return ParseUnionTypeExtension();
                case "enum":
                    return ParseEnumTypeExtension();
                case "input":
                    return ParseInputObjectTypeExtension();
            }
        }

        throw Unexpected(keyword);
    }

    /// <summary>SchemaExtension: extend schema Directives[Const]? { OperationTypeDefinition+ }, with directives or operations.</summary>
    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes =
            ExpectOptionalToken(TokenKind.BraceL) ? ParseOperationTypeDefinitionsAfterBrace() : [];
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new SchemaExtensionNode
        {
            Directives = directives,
            OperationTypes = operationTypes,
        }, start);
    }

    /// <summary>ScalarTypeExtension: extend scalar Name Directives[Const].</summary>
    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new ScalarTypeExtensionNode { Name = name, Directives = directives }, start);
    }

    /// <summary>ObjectTypeExtension: extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?, not all absent.</summary>
    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new ObjectTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
        }, start);
    }

    /// <summary>InterfaceTypeExtension: extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?, not all absent.</summary>
    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new InterfaceTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
        }, start);
    }

    /// <summary>UnionTypeExtension: extend union Name Directives[Const]? UnionMemberTypes?, not both absent.</summary>
    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types }, start);
    }

    /// <summary>EnumTypeExtension: extend enum Name Directives[Const]? EnumValuesDefinition?, not both absent.</summary>
    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values }, start);
    }

    /// <summary>InputObjectTypeExtension: extend input Name Directives[Const]? InputFieldsDefinition?, not both absent.</summary>
    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Start;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected();
        }

        return Located(new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields }, start);
    }
}
