using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class KnownDirectivesRuleTests
{
    [Fact]
    public void Directives_of_the_schema_at_their_executable_locations_are_valid()
    {
        const string document = """
            query Q($v: Int @onVariableDefinition) @onQuery { dog @onField { name @include(if: true) ...F @onFragmentSpread ... @onInlineFragment { name } } }
            mutation M @onMutation { renameDog(name: "x") @skip(if: false) { name } }
            subscription S @onSubscription { catSighted { name } }
            fragment F on Dog @onFragmentDefinition { name }
            """;
        Assert.Empty(Errors(Schema, document, c => new KnownDirectivesRule(c)));
    }

    [Fact]
    public void Unknown_and_misplaced_directives_in_operations_and_fragments_are_reported()
    {
        const string document = """
            query Q($v: Int @onVariableDefinition @onField) @onQuery @onMutation { dog @onField @unknown { name @onQuery ...F @onFragmentSpread @onInlineFragment ... @onInlineFragment { name } } }
            mutation M @onMutation @onQuery { renameDog(name: "x") @include(if: true) { name } }
            subscription S @onSubscription @skip(if: true) { catSighted { name } }
            fragment F on Dog @onFragmentDefinition @onFragmentSpread { name @deprecated }
            """;
        Assert.Equal(
            [
                "Directive \"@onField\" may not be used on VARIABLE_DEFINITION. @ 1:39",
                "Directive \"@onMutation\" may not be used on QUERY. @ 1:58",
                "Unknown directive \"@unknown\". @ 1:85",
                "Directive \"@onQuery\" may not be used on FIELD. @ 1:101",
                "Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD. @ 1:133",
                "Directive \"@onQuery\" may not be used on MUTATION. @ 2:24",
                "Directive \"@skip\" may not be used on SUBSCRIPTION. @ 3:32",
                "Directive \"@onFragmentSpread\" may not be used on FRAGMENT_DEFINITION. @ 4:41",
                "Directive \"@deprecated\" may not be used on FIELD. @ 4:66",
            ],
            Errors(Schema, document, c => new KnownDirectivesRule(c)));
    }

    [Fact]
    public void Directives_at_their_locations_in_type_system_definitions_are_valid()
    {
        const string sdl = """
            directive @onArg on ARGUMENT_DEFINITION
            directive @onInputField on INPUT_FIELD_DEFINITION
            type Query { a(x: Int @onArg): Int @deprecated }
            input In { f: Int @onInputField @deprecated }
            scalar S @specifiedBy(url: "x")
            enum E { A @deprecated }
            """;
        Assert.Empty(SdlErrors(sdl, null, c => new KnownDirectivesRule(c)));
    }

    [Fact]
    public void Unknown_and_misplaced_directives_in_type_system_definitions_are_reported()
    {
        const string sdl = """
            directive @onField on FIELD
            directive @onArg on ARGUMENT_DEFINITION
            directive @onInputField on INPUT_FIELD_DEFINITION
            type Query @onField { a(x: Int @onArg @onField): Int @onField @unknown }
            input In @onField { f: Int @onInputField @onArg }
            schema @onField { query: Query }
            scalar S @specifiedBy(url: "x") @deprecated
            enum E @onField { A @deprecated @onField }
            interface I @onField { a: Int }
            union U @onField = Query
            extend type Query @onField
            directive @dd(a: Int @onArg @onInputField) on FIELD
            """;
        Assert.Equal(
            [
                "Directive \"@onField\" may not be used on OBJECT. @ 4:12",
                "Directive \"@onField\" may not be used on ARGUMENT_DEFINITION. @ 4:39",
                "Directive \"@onField\" may not be used on FIELD_DEFINITION. @ 4:54",
                "Unknown directive \"@unknown\". @ 4:63",
                "Directive \"@onField\" may not be used on INPUT_OBJECT. @ 5:10",
                "Directive \"@onArg\" may not be used on INPUT_FIELD_DEFINITION. @ 5:42",
                "Directive \"@onField\" may not be used on SCHEMA. @ 6:8",
                "Directive \"@deprecated\" may not be used on SCALAR. @ 7:33",
                "Directive \"@onField\" may not be used on ENUM. @ 8:8",
                "Directive \"@onField\" may not be used on ENUM_VALUE. @ 8:33",
                "Directive \"@onField\" may not be used on INTERFACE. @ 9:13",
                "Directive \"@onField\" may not be used on UNION. @ 10:9",
                "Directive \"@onField\" may not be used on OBJECT. @ 11:19",
                "Directive \"@onInputField\" may not be used on ARGUMENT_DEFINITION. @ 12:29",
            ],
            SdlErrors(sdl, null, c => new KnownDirectivesRule(c)));
    }

    [Fact]
    public void Fields_of_input_extensions_are_input_field_definitions()
    {
        // graphql-js 16.15 calls them argument definitions and rejects this; the spec says input field definitions.
        const string sdl = """
            directive @onInputField on INPUT_FIELD_DEFINITION
            directive @onArg on ARGUMENT_DEFINITION
            input In { f: Int }
            extend input In { g: Int @onInputField h: Int @onArg }
            """;
        Assert.Equal(
            ["Directive \"@onArg\" may not be used on INPUT_FIELD_DEFINITION. @ 4:47"],
            SdlErrors(sdl, null, c => new KnownDirectivesRule(c)));
    }

    [Fact]
    public void Extensions_may_use_the_directives_of_the_extended_schema_where_allowed()
    {
        Assert.Equal(
            [
                "Directive \"@onField\" may not be used on OBJECT. @ 1:17",
                "Directive \"@onQuery\" may not be used on FIELD_DEFINITION. @ 1:42",
            ],
            SdlErrors("extend type Dog @onField { color: String @onQuery }", Schema, c => new KnownDirectivesRule(c)));
    }
}
