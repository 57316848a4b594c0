using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Language;

public sealed class ParserTests
{
    /// <summary>
    /// The fixtures' .ast.json files hold graphql-js 16.15's parse of the .graphql files beside them (keys sorted,
    /// absent fields and empty lists left out), so every node kind, field and location is compared with the reference.
    /// </summary>
    [Theory]
    [InlineData("kitchen-sink-query")]
    [InlineData("kitchen-sink-sdl")]
    [InlineData("descriptions-and-escapes")]
    public void Parses_documents_exactly_as_graphql_js_does(string fixture)
    {
        var document = Parser.Parse(ReadFixture(fixture + ".graphql"));

        Assert.Equal(AstJson.Normalize(ReadFixture(fixture + ".ast.json")), AstJson.Write(document));
    }

    [Fact]
    public void Records_no_locations_when_asked_not_to()
    {
        var document = Parser.Parse(ReadFixture("kitchen-sink-sdl.graphql"), new ParseOptions { NoLocation = true });

        Assert.DoesNotContain("\"loc\"", AstJson.Write(document), StringComparison.Ordinal);
        Assert.Equal(37, document.Definitions.Count);
    }

    [Fact]
    public void Parses_the_query_shorthand()
    {
        var document = Parser.Parse("{ a }");

        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Null(operation.Description);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Empty(operation.Directives);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("a", field.Name.Value);
        Assert.Null(field.SelectionSet);
        AssertSpan(0, 5, document);
        AssertSpan(0, 5, operation);
        AssertSpan(0, 5, operation.SelectionSet);
        AssertSpan(2, 3, field);
        AssertSpan(2, 3, field.Name);
    }

    [Theory]
    [InlineData("query", OperationType.Query)]
    [InlineData("mutation", OperationType.Mutation)]
    [InlineData("subscription", OperationType.Subscription)]
    public void Parses_each_operation_type(string keyword, OperationType type)
    {
        var operation = (OperationDefinitionNode)Parser.Parse(keyword + " { a }").Definitions[0];

        Assert.Equal(type, operation.Operation);
        Assert.Null(operation.Name);
        AssertSpan(0, keyword.Length + 6, operation);
    }

    [Fact]
    public void Parses_fields_with_aliases_arguments_directives_and_selections()
    {
        const string text = "query Q { alias: field(a: 1, b: $v) @skip(if: true) @other { sub } plain }";
        var operation = (OperationDefinitionNode)Parser.Parse(text).Definitions[0];

        Assert.Equal("Q", operation.Name!.Value);
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal("alias", field.Alias!.Value);
        Assert.Equal("field", field.Name.Value);
        Assert.Equal("alias", field.ResponseName);
        Assert.Equal(["a", "b"], field.Arguments.Select(a => a.Name.Value));
        Assert.Equal("1", Assert.IsType<IntValueNode>(field.Arguments[0].Value).Value);
        Assert.Equal("v", Assert.IsType<VariableNode>(field.Arguments[1].Value).Name.Value);
        Assert.Equal(["skip", "other"], field.Directives.Select(d => d.Name.Value));
        Assert.True(Assert.IsType<BooleanValueNode>(field.Directives[0].Arguments[0].Value).Value);
        Assert.Empty(field.Directives[1].Arguments);
        Assert.Equal("sub", ((FieldNode)field.SelectionSet!.Selections[0]).Name.Value);
        Assert.Equal("plain", ((FieldNode)operation.SelectionSet.Selections[1]).ResponseName);

        AssertSpan(10, 66, field);
        AssertSpan(10, 15, field.Alias);
        AssertSpan(23, 27, field.Arguments[0]);
        AssertSpan(29, 34, field.Arguments[1]);
        AssertSpan(32, 34, field.Arguments[1].Value);
        AssertSpan(36, 51, field.Directives[0]);
        AssertSpan(52, 58, field.Directives[1]);
        AssertSpan(59, 66, field.SelectionSet);
    }

    [Fact]
    public void Parses_variable_definitions()
    {
        const string text = "query Q($a: Int = 1 @d, $b: [String!]!) { f }";
        var operation = (OperationDefinitionNode)Parser.Parse(text).Definitions[0];

        var a = operation.VariableDefinitions[0];
        Assert.Equal("a", a.Variable.Name.Value);
        Assert.Equal("Int", Assert.IsType<NamedTypeNode>(a.Type).Name.Value);
        Assert.Equal("1", Assert.IsType<IntValueNode>(a.DefaultValue).Value);
        Assert.Equal("d", Assert.Single(a.Directives).Name.Value);
        AssertSpan(8, 22, a);
        AssertSpan(8, 10, a.Variable);

        var b = operation.VariableDefinitions[1];
        Assert.Null(b.DefaultValue);
        var nonNull = Assert.IsType<NonNullTypeNode>(b.Type);
        var list = Assert.IsType<ListTypeNode>(nonNull.Type);
        var item = Assert.IsType<NonNullTypeNode>(list.Type);
        Assert.Equal("String", Assert.IsType<NamedTypeNode>(item.Type).Name.Value);
        AssertSpan(28, 38, nonNull);
        AssertSpan(28, 37, list);
        AssertSpan(29, 36, item);
    }

    [Fact]
    public void Parses_fragment_spreads_inline_fragments_and_fragment_definitions()
    {
        const string text = "{ ...Spread @d ... on T { a } ... @skip(if: false) { b } ... { c } } fragment Spread on T @f { a }";
        var document = Parser.Parse(text);
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;

        var spread = Assert.IsType<FragmentSpreadNode>(selections[0]);
        Assert.Equal("Spread", spread.Name.Value);
        Assert.Equal("d", Assert.Single(spread.Directives).Name.Value);
        AssertSpan(2, 14, spread);

        var typed = Assert.IsType<InlineFragmentNode>(selections[1]);
        Assert.Equal("T", typed.TypeCondition!.Name.Value);
        AssertSpan(15, 29, typed);

        var directed = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Null(directed.TypeCondition);
        Assert.Equal("skip", Assert.Single(directed.Directives).Name.Value);

        var bare = Assert.IsType<InlineFragmentNode>(selections[3]);
        Assert.Null(bare.TypeCondition);
        Assert.Empty(bare.Directives);

        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Spread", fragment.Name.Value);
        Assert.Equal("T", fragment.TypeCondition.Name.Value);
        Assert.Equal("f", Assert.Single(fragment.Directives).Name.Value);
        AssertSpan(69, 98, fragment);
    }

    [Fact]
    public void Accepts_keywords_as_names()
    {
        const string text = "query query($on: on = on) { on fragment: query(type: type, true: null) ... on on { on } ...fragment }"
            + " fragment fragment on on { on }";
        var document = Parser.Parse(text);

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("query", operation.Name!.Value);
        Assert.Equal("on", Assert.IsType<EnumValueNode>(operation.VariableDefinitions[0].DefaultValue).Value);
        var aliased = (FieldNode)operation.SelectionSet.Selections[1];
        Assert.Equal(("fragment", "query"), (aliased.Alias!.Value, aliased.Name.Value));
        Assert.Equal("type", Assert.IsType<EnumValueNode>(aliased.Arguments[0].Value).Value);
        Assert.IsType<NullValueNode>(aliased.Arguments[1].Value);
        Assert.Equal("on", ((InlineFragmentNode)operation.SelectionSet.Selections[2]).TypeCondition!.Name.Value);
        Assert.Equal("fragment", ((FragmentSpreadNode)operation.SelectionSet.Selections[3]).Name.Value);
        Assert.Equal("fragment", ((FragmentDefinitionNode)document.Definitions[1]).Name.Value);
    }

    [Fact]
    public void Parses_descriptions_on_operations_fragments_and_variables()
    {
        const string text = "\"op\" query Q(\"\"\"var\"\"\" $a: Int) { a } \"frag\" fragment F on T { a }";
        var document = Parser.Parse(text);

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("op", operation.Description!.Value);
        Assert.False(operation.Description.Block);
        AssertSpan(0, 37, operation);
        var variable = operation.VariableDefinitions[0];
        Assert.Equal("var", variable.Description!.Value);
        Assert.True(variable.Description.Block);
        AssertSpan(13, 30, variable);
        var fragment = (FragmentDefinitionNode)document.Definitions[1];
        Assert.Equal("frag", fragment.Description!.Value);
        AssertSpan(38, 66, fragment);
    }

    [Theory]
    [InlineData("123", NodeKind.IntValue, "123")]
    [InlineData("-1.5e3", NodeKind.FloatValue, "-1.5e3")]
    [InlineData("\"a\\u00e9\"", NodeKind.StringValue, "a\u00e9")]
    [InlineData("\"\"\"  block\n    text\"\"\"", NodeKind.StringValue, "  block\ntext")]
    [InlineData("ENUM_VALUE", NodeKind.EnumValue, "ENUM_VALUE")]
    public void Parses_scalar_value_literals(string text, NodeKind kind, string value)
    {
        var node = Parser.ParseValue(text);

        Assert.Equal(kind, node.Kind);
        var actual = node switch
        {
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Value,
            EnumValueNode n => n.Value,
            _ => null,
        };
        Assert.Equal(value, actual);
        AssertSpan(0, text.Length, node);
    }

    [Fact]
    public void Parses_booleans_null_and_block_flags()
    {
        Assert.True(Assert.IsType<BooleanValueNode>(Parser.ParseValue("true")).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(Parser.ParseValue("false")).Value);
        AssertSpan(1, 5, Assert.IsType<NullValueNode>(Parser.ParseValue(" null ")));
        Assert.True(Assert.IsType<StringValueNode>(Parser.ParseValue("\"\"\"b\"\"\"")).Block);
        Assert.False(Assert.IsType<StringValueNode>(Parser.ParseValue("\"s\"")).Block);
    }

    [Fact]
    public void Parses_lists_and_objects()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[123 \"abc\", [], {a: $v, b: {c: [1]}}]"));

        Assert.Equal(4, list.Values.Count);
        AssertSpan(0, 37, list);
        AssertSpan(1, 4, list.Values[0]);
        AssertSpan(5, 10, list.Values[1]);
        Assert.Empty(Assert.IsType<ListValueNode>(list.Values[2]).Values);
        var obj = Assert.IsType<ObjectValueNode>(list.Values[3]);
        AssertSpan(16, 36, obj);
        Assert.Equal(["a", "b"], obj.Fields.Select(f => f.Name.Value));
        AssertSpan(17, 22, obj.Fields[0]);
        Assert.Equal("v", Assert.IsType<VariableNode>(obj.Fields[0].Value).Name.Value);
        var nested = Assert.IsType<ObjectValueNode>(obj.Fields[1].Value);
        Assert.IsType<ListValueNode>(nested.Fields[0].Value);
        Assert.Empty(Assert.IsType<ObjectValueNode>(Parser.ParseValue("{}")).Fields);
    }

    [Fact]
    public void Parses_constant_values_without_variables()
    {
        Assert.IsType<ObjectValueNode>(Parser.ParseConstValue("{a: [1, ENUM]}"));

        var error = Assert.Throws<GraphQLError>(() => Parser.ParseConstValue("{a: [1, $v]}"));
        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", error.Message);
        Assert.Equal([new SourceLocation(1, 9)], error.Locations);
    }

    [Fact]
    public void Parses_type_references()
    {
        var named = Assert.IsType<NamedTypeNode>(Parser.ParseType("MyType"));
        Assert.Equal("MyType", named.Name.Value);
        AssertSpan(0, 6, named);

        var nonNullList = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[MyType!]]!"));
        AssertSpan(0, 12, nonNullList);
        var outer = Assert.IsType<ListTypeNode>(nonNullList.Type);
        AssertSpan(0, 11, outer);
        var inner = Assert.IsType<ListTypeNode>(outer.Type);
        AssertSpan(1, 10, inner);
        var item = Assert.IsType<NonNullTypeNode>(inner.Type);
        AssertSpan(2, 9, item);
        Assert.Equal("MyType", Assert.IsType<NamedTypeNode>(item.Type).Name.Value);
    }

    [Fact]
    public void Value_and_type_parsing_requires_the_whole_text()
    {
        var value = Assert.Throws<GraphQLError>(() => Parser.ParseValue("1 2"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", value.Message);

        var type = Assert.Throws<GraphQLError>(() => Parser.ParseType("A!!"));
        Assert.Equal("Syntax Error: Expected <EOF>, found \"!\".", type.Message);
        Assert.Equal([new SourceLocation(1, 3)], type.Locations);
    }

    [Fact]
    public void Parses_schema_and_operation_type_definitions()
    {
        var schema = Assert.IsType<SchemaDefinitionNode>(Parser.Parse("\"d\" schema @s { query: Q mutation: M subscription: S }").Definitions[0]);

        Assert.Equal("d", schema.Description!.Value);
        Assert.Equal("s", Assert.Single(schema.Directives).Name.Value);
        Assert.Equal(
            [(OperationType.Query, "Q"), (OperationType.Mutation, "M"), (OperationType.Subscription, "S")],
            schema.OperationTypes.Select(o => (o.Operation, o.Type.Name.Value)));
        AssertSpan(16, 24, schema.OperationTypes[0]);
        AssertSpan(0, 54, schema);
    }

    [Fact]
    public void Parses_object_types_with_interfaces_fields_and_arguments()
    {
        const string text = "type T implements & A & B @d { \"f\" f(\"a\" a: Int = 1 @x, b: [B]): [T!] @y g: G }";
        var type = Assert.IsType<ObjectTypeDefinitionNode>(Parser.Parse(text).Definitions[0]);

        Assert.Null(type.Description);
        Assert.Equal("T", type.Name.Value);
        Assert.Equal(["A", "B"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("d", Assert.Single(type.Directives).Name.Value);
        var f = type.Fields[0];
        Assert.Equal("f", f.Description!.Value);
        Assert.Equal("f", f.Name.Value);
        Assert.Equal(["a", "b"], f.Arguments.Select(a => a.Name.Value));
        Assert.Equal("a", f.Arguments[0].Description!.Value);
        Assert.Equal("1", Assert.IsType<IntValueNode>(f.Arguments[0].DefaultValue).Value);
        Assert.Equal("x", Assert.Single(f.Arguments[0].Directives).Name.Value);
        Assert.IsType<ListTypeNode>(f.Arguments[1].Type);
        Assert.IsType<ListTypeNode>(f.Type);
        Assert.Equal("y", Assert.Single(f.Directives).Name.Value);
        Assert.Equal("g", type.Fields[1].Name.Value);
        AssertSpan(31, 72, f);
        AssertSpan(37, 54, f.Arguments[0]);
        AssertSpan(0, 79, type);
    }

    [Fact]
    public void Parses_interfaces_implementing_interfaces()
    {
        var type = Assert.IsType<InterfaceTypeDefinitionNode>(Parser.Parse("\"\"\"I\"\"\" interface I implements J & K @d { f: Int }").Definitions[0]);

        Assert.Equal("I", type.Description!.Value);
        Assert.Equal(["J", "K"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Equal("d", Assert.Single(type.Directives).Name.Value);
        Assert.Equal("f", Assert.Single(type.Fields).Name.Value);
    }

    [Fact]
    public void Parses_scalars_unions_enums_and_input_objects()
    {
        var definitions = Parser.Parse(
            "scalar S @d union U @d = | A | B enum E @d { \"a\" A @x B } input I @d { \"f\" f: Int = 1 @x g: [I!] }").Definitions;

        var scalar = Assert.IsType<ScalarTypeDefinitionNode>(definitions[0]);
        Assert.Equal("S", scalar.Name.Value);
        AssertSpan(0, 11, scalar);
        var union = Assert.IsType<UnionTypeDefinitionNode>(definitions[1]);
        Assert.Equal(["A", "B"], union.Types.Select(t => t.Name.Value));
        AssertSpan(12, 32, union);
        var enumType = Assert.IsType<EnumTypeDefinitionNode>(definitions[2]);
        Assert.Equal(["A", "B"], enumType.Values.Select(v => v.Name.Value));
        Assert.Equal("a", enumType.Values[0].Description!.Value);
        Assert.Equal("x", Assert.Single(enumType.Values[0].Directives).Name.Value);
        AssertSpan(45, 53, enumType.Values[0]);
        var input = Assert.IsType<InputObjectTypeDefinitionNode>(definitions[3]);
        Assert.Equal(["f", "g"], input.Fields.Select(f => f.Name.Value));
        Assert.Equal("f", input.Fields[0].Description!.Value);
        Assert.Equal("1", Assert.IsType<IntValueNode>(input.Fields[0].DefaultValue).Value);
    }

    [Fact]
    public void Parses_types_without_bodies()
    {
        var definitions = Parser.Parse("type T interface I union U enum E input N").Definitions;

        Assert.Empty(Assert.IsType<ObjectTypeDefinitionNode>(definitions[0]).Fields);
        Assert.Empty(Assert.IsType<InterfaceTypeDefinitionNode>(definitions[1]).Fields);
        Assert.Empty(Assert.IsType<UnionTypeDefinitionNode>(definitions[2]).Types);
        Assert.Empty(Assert.IsType<EnumTypeDefinitionNode>(definitions[3]).Values);
        Assert.Empty(Assert.IsType<InputObjectTypeDefinitionNode>(definitions[4]).Fields);
    }

    [Fact]
    public void Parses_directive_definitions()
    {
        var definitions = Parser.Parse(
            "\"d\" directive @a(x: Int = 1) repeatable on | FIELD | QUERY directive @b on DIRECTIVE_DEFINITION").Definitions;

        var a = Assert.IsType<DirectiveDefinitionNode>(definitions[0]);
        Assert.Equal("d", a.Description!.Value);
        Assert.Equal("a", a.Name.Value);
        Assert.Equal("x", Assert.Single(a.Arguments).Name.Value);
        Assert.True(a.Repeatable);
        Assert.Equal(["FIELD", "QUERY"], a.Locations.Select(l => l.Value));
        AssertSpan(45, 50, a.Locations[0]);
        AssertSpan(0, 58, a);
        var b = Assert.IsType<DirectiveDefinitionNode>(definitions[1]);
        Assert.False(b.Repeatable);
        Assert.Empty(b.Arguments);
        Assert.Equal("DIRECTIVE_DEFINITION", Assert.Single(b.Locations).Value);
    }

    [Fact]
    public void Parses_every_extension()
    {
        var definitions = Parser.Parse("""
            extend schema @s { query: Q }
            extend schema @s
            extend scalar S @d
            extend type T implements I & J @d { f: Int }
            extend type T implements I
            extend interface I implements J { f: Int }
            extend interface I @d
            extend union U @d = A | B
            extend union U = C
            extend enum E @d { A }
            extend enum E { B }
            extend input I @d { f: Int }
            extend input I @d
            """).Definitions;

        var schema = Assert.IsType<SchemaExtensionNode>(definitions[0]);
        Assert.Equal(OperationType.Query, Assert.Single(schema.OperationTypes).Operation);
        Assert.Empty(Assert.IsType<SchemaExtensionNode>(definitions[1]).OperationTypes);
        Assert.Equal("S", Assert.IsType<ScalarTypeExtensionNode>(definitions[2]).Name.Value);
        var type = Assert.IsType<ObjectTypeExtensionNode>(definitions[3]);
        Assert.Equal(["I", "J"], type.Interfaces.Select(i => i.Name.Value));
        Assert.Single(type.Fields);
        Assert.Empty(Assert.IsType<ObjectTypeExtensionNode>(definitions[4]).Fields);
        Assert.Equal("J", Assert.Single(Assert.IsType<InterfaceTypeExtensionNode>(definitions[5]).Interfaces).Name.Value);
        Assert.Single(Assert.IsType<InterfaceTypeExtensionNode>(definitions[6]).Directives);
        Assert.Equal(["A", "B"], Assert.IsType<UnionTypeExtensionNode>(definitions[7]).Types.Select(t => t.Name.Value));
        Assert.Empty(Assert.IsType<UnionTypeExtensionNode>(definitions[8]).Directives);
        Assert.Equal("A", Assert.Single(Assert.IsType<EnumTypeExtensionNode>(definitions[9]).Values).Name.Value);
        Assert.Single(Assert.IsType<EnumTypeExtensionNode>(definitions[10]).Values);
        Assert.Single(Assert.IsType<InputObjectTypeExtensionNode>(definitions[11]).Fields);
        Assert.Empty(Assert.IsType<InputObjectTypeExtensionNode>(definitions[12]).Fields);
        AssertSpan(0, 29, schema);
    }

    [Fact]
    public void Document_location_spans_the_whole_source()
    {
        const string text = "  # comment\n{ a }  \n";
        var document = Parser.Parse(new Source(text, "my.graphql"));

        AssertSpan(0, text.Length, document);
        Assert.Equal("my.graphql", document.Location!.Source.Name);
        Assert.Equal(new SourceLocation(2, 1), document.Definitions[0].Location!.StartLocation);
    }

    [Fact]
    public void A_node_gives_the_same_location_object_each_time()
    {
        var field = ((OperationDefinitionNode)Parser.Parse("{ a }").Definitions[0]).SelectionSet.Selections[0];

        Assert.Same(field.Location, field.Location);
        Assert.Equal(new SourceLocation(1, 3), field.Location!.StartLocation);
        Assert.Null(new NameNode("built in code").Location);
    }

    [Fact]
    public void Stops_after_the_maximum_number_of_tokens()
    {
        Assert.Single(Parser.Parse("{ a }", new ParseOptions { MaxTokens = 3 }).Definitions);

        var error = Assert.Throws<GraphQLError>(() => Parser.Parse("{ a }", new ParseOptions { MaxTokens = 2 }));
        Assert.Equal("Syntax Error: Document contains more that 2 tokens. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(1, 5)], error.Locations);
        Assert.Equal(ErrorCodes.MaxTokensExceeded, error.Code);
    }

    [Fact]
    public void Stops_after_the_maximum_number_of_comments()
    {
        const string text = "# a\n# b\n{ a } # c";
        Assert.Single(Parser.Parse(text, new ParseOptions { MaxComments = 3 }).Definitions);

        var error = Assert.Throws<GraphQLError>(() => Parser.Parse(text, new ParseOptions { MaxComments = 2 }));
        Assert.Equal("Syntax Error: Document contains more than 2 comments. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(3, 7)], error.Locations);
        Assert.Equal(ErrorCodes.MaxTokensExceeded, error.Code);

        var lookahead = Assert.Throws<GraphQLError>(() => Parser.Parse("\"x\" # c\n type T", new ParseOptions { MaxComments = 0 }));
        Assert.Equal([new SourceLocation(1, 5)], lookahead.Locations);
    }

    [Fact]
    public void Refuses_sources_longer_than_the_maximum()
    {
        Assert.Single(Parser.Parse("{ a }", new ParseOptions { MaxSourceLength = 5 }).Definitions);

        var error = Assert.Throws<GraphQLError>(() => Parser.Parse("{ a }\n{ b }", new ParseOptions { MaxSourceLength = 7 }));
        Assert.Equal("Syntax Error: Source contains more than 7 UTF-16 code units. Parsing aborted.", error.Message);
        Assert.Equal([new SourceLocation(2, 2)], error.Locations);
        Assert.Equal(ErrorCodes.DocumentTooLarge, error.Code);
    }

    [Fact]
    public void Comments_do_not_count_as_tokens()
    {
        Assert.Single(Parser.Parse("# one\n{ # two\n a # three\n}", new ParseOptions { MaxTokens = 3 }).Definitions);
    }

    [Fact]
    public void Accepts_nesting_up_to_the_maximum_depth()
    {
        Assert.Single(Parser.Parse(NestedSelections(200)).Definitions);
        Assert.IsType<ListValueNode>(Parser.ParseValue(new string('[', 200) + new string(']', 200)));
        Assert.IsType<ListTypeNode>(Parser.ParseType(new string('[', 200) + "T" + new string(']', 200)));
        Assert.Single(Parser.Parse(NestedSelections(5), new ParseOptions { MaxDepth = 5 }).Definitions);
    }

    [Fact]
    public void Rejects_selection_sets_nested_deeper_than_the_maximum()
    {
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse(NestedSelections(201)));

        Assert.Equal("Syntax Error: Document nests more than 200 levels deep. Parsing aborted.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
        Assert.Equal([new SourceLocation(1, 401)], error.Locations);
    }

    [Fact]
    public void Counts_values_and_list_types_in_the_same_depth()
    {
        var options = new ParseOptions { MaxDepth = 4 };
        Assert.Single(Parser.Parse("{ a { b(x: [{y: 1}]) } }", options).Definitions);

        var value = Assert.Throws<GraphQLError>(() => Parser.Parse("{ a { b(x: [{y: [1]}]) } }", options));
        Assert.Equal("Syntax Error: Document nests more than 4 levels deep. Parsing aborted.", value.Message);
        Assert.Equal([new SourceLocation(1, 17)], value.Locations);

        var type = Assert.Throws<GraphQLError>(() => Parser.ParseType("[[[[[T]]]]]", options));
        Assert.Equal([new SourceLocation(1, 5)], type.Locations);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, type.Code);

        var objects = Assert.Throws<GraphQLError>(() => Parser.ParseValue("{a: {b: {c: {d: {e: 1}}}}}", options));
        Assert.Equal([new SourceLocation(1, 17)], objects.Locations);
    }

    [Fact]
    public void Rejects_enormously_deep_documents_without_exhausting_the_stack()
    {
        const int depth = 1_000_000;
        var error = Assert.Throws<GraphQLError>(() => Parser.Parse(NestedSelections(depth)));
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);

        var unlimited = new ParseOptions { MaxDepth = int.MaxValue };
        var text = "{ a(x: " + new string('[', depth) + new string(']', depth) + ") }";
        Assert.Equal(ErrorCodes.MaxDepthExceeded, Assert.Throws<GraphQLError>(() => Parser.Parse(text, unlimited)).Code);
    }

    private static string NestedSelections(int depth)
    {
        var builder = new System.Text.StringBuilder(depth * 4);
        for (var i = 0; i < depth; i++)
        {
            builder.Append("{a");
        }

        return builder.Append('}', depth).ToString();
    }

    private static string ReadFixture(string name) => File.ReadAllText(RepositoryPaths.Combine("tests", "Ipp.Graph.Engine.Tests", "Language", "Fixtures", name));

    private static void AssertSpan(int start, int end, Node? node)
    {
        Assert.NotNull(node);
        Assert.NotNull(node.Location);
        Assert.Equal((start, end), (node.Location.Start, node.Location.End));
    }
}
