using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Language;

/// <summary>Type-system definitions and extensions: schema, types, fields, arguments, enum values, directives.</summary>
internal sealed partial class DocumentParser
{
    private bool PeekDescription() => _lexer.Kind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    /// <summary>
    /// The definition (<paramref name="isExtension"/> false) or extension of the kind a keyword starts, such as
    /// <c>type</c>; null when the keyword starts none (<c>directive</c> starts a definition but no extension).
    /// </summary>
    private TypeSystemDefinitionNode? ParseTypeSystemDefinition(ReadOnlySpan<char> keyword, bool isExtension) => keyword switch
    {
        "schema" => ParseSchema(isExtension),
        "scalar" => ParseScalarType(isExtension),
        "type" => ParseObjectOrInterfaceType(isInterface: false, isExtension),
        "interface" => ParseObjectOrInterfaceType(isInterface: true, isExtension),
        "union" => ParseUnionType(isExtension),
        "enum" => ParseEnumType(isExtension),
        "input" => ParseInputObjectType(isExtension),
        "directive" when !isExtension => ParseDirectiveDefinition(),
        _ => null,
    };

    /// <summary>TypeSystemExtension: extend followed by schema, scalar, type, interface, union, enum or input.</summary>
    private TypeSystemDefinitionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name && ParseTypeSystemDefinition(keyword.Text, isExtension: true) is { } extension)
        {
            return extension;
        }

        throw Unexpected(keyword);
    }

    /// <summary>
    /// How a definition starts, <c>Description? keyword</c>, or an extension, <c>extend keyword</c>; returns the
    /// description (null for an extension, which has none).
    /// </summary>
    private StringValueNode? ParseDefinitionStart(string keyword, bool isExtension)
    {
        StringValueNode? description = null;
        if (isExtension)
        {
            ExpectKeyword("extend");
        }
        else
        {
            description = ParseDescription();
        }

        ExpectKeyword(keyword);
        return description;
    }

    /// <summary>An extension must add something; one that adds nothing fails at the token where its additions would start.</summary>
    private void ExpectExtensionContent(bool addsSomething)
    {
        if (!addsSomething)
        {
            throw Unexpected();
        }
    }

    /// <summary>
    /// SchemaDefinition: Description? schema Directives[Const]? { OperationTypeDefinition+ };
    /// SchemaExtension: extend schema Directives[Const]? { OperationTypeDefinition+ }?, not both absent.
    /// </summary>
    private TypeSystemDefinitionNode ParseSchema(bool isExtension)
    {
        var start = _lexer.Start;
        var description = ParseDefinitionStart("schema", isExtension);
        var directives = ParseDirectives(isConst: true);
        var operationTypes = isExtension && !Peek(TokenKind.BraceL) ? [] : ParseOperationTypeDefinitions();
        if (!isExtension)
        {
            return Located(new SchemaDefinitionNode
            {
                Description = description,
                Directives = directives,
                OperationTypes = operationTypes,
            }, start);
        }

        ExpectExtensionContent(directives.Count > 0 || operationTypes.Length > 0);
        return Located(new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes }, start);
    }

    /// <summary>{ OperationTypeDefinition+ }, where each is OperationType : NamedType.</summary>
    private OperationTypeDefinitionNode[] ParseOperationTypeDefinitions()
    {
        ExpectToken(TokenKind.BraceL);
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

    /// <summary>
    /// ScalarTypeDefinition: Description? scalar Name Directives[Const]?;
    /// ScalarTypeExtension: extend scalar Name Directives[Const].
    /// </summary>
    private TypeSystemDefinitionNode ParseScalarType(bool isExtension)
    {
        var start = _lexer.Start;
        var description = ParseDefinitionStart("scalar", isExtension);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (!isExtension)
        {
            return Located(new ScalarTypeDefinitionNode { Description = description, Name = name, Directives = directives }, start);
        }

        ExpectExtensionContent(directives.Count > 0);
        return Located(new ScalarTypeExtensionNode { Name = name, Directives = directives }, start);
    }

    /// <summary>
    /// ObjectTypeDefinition and InterfaceTypeDefinition: Description? (type | interface) Name ImplementsInterfaces?
    /// Directives[Const]? FieldsDefinition?; their extensions start with extend instead and must not leave out all three.
    /// </summary>
    private TypeSystemDefinitionNode ParseObjectOrInterfaceType(bool isInterface, bool isExtension)
    {
        var start = _lexer.Start;
        var description = ParseDefinitionStart(isInterface ? "interface" : "type", isExtension);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (isExtension)
        {
            ExpectExtensionContent(interfaces.Count > 0 || directives.Count > 0 || fields.Count > 0);
        }

        TypeSystemDefinitionNode node = (isInterface, isExtension) switch
        {
            (false, false) => new ObjectTypeDefinitionNode
            {
                Description = description,
                Name = name,
                Interfaces = interfaces,
                Directives = directives,
                Fields = fields,
            },
            (false, true) => new ObjectTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields },
            (true, false) => new InterfaceTypeDefinitionNode
            {
                Description = description,
                Name = name,
                Interfaces = interfaces,
                Directives = directives,
                Fields = fields,
            },
            (true, true) => new InterfaceTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields },
        };
        return Located(node, start);
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

    /// <summary>
    /// UnionTypeDefinition: Description? union Name Directives[Const]? UnionMemberTypes?; its extension starts with
    /// extend instead and must not leave out both.
    /// </summary>
    private TypeSystemDefinitionNode ParseUnionType(bool isExtension)
    {
        var start = _lexer.Start;
        var description = ParseDefinitionStart("union", isExtension);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (!isExtension)
        {
            return Located(new UnionTypeDefinitionNode { Description = description, Name = name, Directives = directives, Types = types }, start);
        }

        ExpectExtensionContent(directives.Count > 0 || types.Count > 0);
        return Located(new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types }, start);
    }

    /// <summary>UnionMemberTypes: = |? NamedType (| NamedType)*.</summary>
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseNamedTypesDelimitedBy(TokenKind.Pipe) : [];

    /// <summary>
    /// EnumTypeDefinition: Description? enum Name Directives[Const]? EnumValuesDefinition?; its extension starts with
    /// extend instead and must not leave out both.
    /// </summary>
    private TypeSystemDefinitionNode ParseEnumType(bool isExtension)
    {
        var start = _lexer.Start;
        var description = ParseDefinitionStart("enum", isExtension);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (!isExtension)
        {
            return Located(new EnumTypeDefinitionNode { Description = description, Name = name, Directives = directives, Values = values }, start);
        }

        ExpectExtensionContent(directives.Count > 0 || values.Count > 0);
        return Located(new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values }, start);
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

    /// <summary>
    /// InputObjectTypeDefinition: Description? input Name Directives[Const]? InputFieldsDefinition?; its extension
    /// starts with extend instead and must not leave out both.
    /// </summary>
    private TypeSystemDefinitionNode ParseInputObjectType(bool isExtension)
    {
        var start = _lexer.Start;
        var description = ParseDefinitionStart("input", isExtension);
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputValueDefinitions(TokenKind.BraceL, TokenKind.BraceR);
        if (!isExtension)
        {
            return Located(new InputObjectTypeDefinitionNode
            {
                Description = description,
                Name = name,
                Directives = directives,
                Fields = fields,
            }, start);
        }

        ExpectExtensionContent(directives.Count > 0 || fields.Count > 0);
        return Located(new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields }, start);
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
}
