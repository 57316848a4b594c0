using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class KnownTypeNamesRuleTests
{
    [Fact]
    public void Types_of_the_schema_in_variables_and_type_conditions_are_valid()
    {
        const string document = """
            query Foo($var: String, $required: [ComplexInput!]!) { dog { ...F ... on Dog { name } } }
            fragment F on Pet { name }
            """;
        Assert.Empty(Errors(Schema, document, c => new KnownTypeNamesRule(c)));
    }

    [Fact]
    public void Unknown_types_in_executable_definitions_are_reported_with_schema_suggestions()
    {
        const string document = """
            query Foo($var: JumbledUpLetters, $b: [Boolean!], $c: Strin) { user(id: 4) { name pets { ... on Badger { name } ...PetFields } } }
            fragment PetFields on Peat { name }
            fragment D on Dog { ... on Cow { x } ... { name } }
            """;
        Assert.Equal(
            [
                "Unknown type \"JumbledUpLetters\". @ 1:17",
                "Unknown type \"Strin\". Did you mean \"String\"? @ 1:55",
                "Unknown type \"Badger\". @ 1:97",
                "Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? @ 2:23",
                "Unknown type \"Cow\". Did you mean \"Cat\" or \"Dog\"? @ 3:28",
            ],
            Errors(Schema, document, c => new KnownTypeNamesRule(c)));
    }

    [Fact]
    public void Type_system_definitions_may_name_defined_and_built_in_types()
    {
        Assert.Empty(SdlErrors(
            "type Query { a: String b: [Int!] c: Foo d: __Type } scalar Foo input In { x: Boolean = true }",
            null,
            c => new KnownTypeNamesRule(c)));
    }

    [Fact]
    public void Unknown_types_in_type_system_definitions_are_reported_with_suggestions_including_built_ins()
    {
        const string sdl = """
            type Query { a: Strin b: String c: [Foo!] d: __Type }
            input In { x: Quer, y: Bolean = true }
            union U = Query | Querx
            extend type Query implements Nodee { e: Int }
            directive @d(a: Flt) on FIELD
            """;
        Assert.Equal(
            [
                "Unknown type \"Strin\". Did you mean \"String\" or \"In\"? @ 1:17",
                "Unknown type \"Foo\". @ 1:37",
                "Unknown type \"Quer\". Did you mean \"Query\"? @ 2:15",
                "Unknown type \"Bolean\". Did you mean \"Boolean\"? @ 2:24",
                "Unknown type \"Querx\". Did you mean \"Query\"? @ 3:19",
                "Unknown type \"Nodee\". @ 4:30",
                "Unknown type \"Flt\". Did you mean \"Float\" or \"Int\"? @ 5:17",
            ],
            SdlErrors(sdl, null, c => new KnownTypeNamesRule(c)));
    }

    [Fact]
    public void Extensions_may_name_the_types_of_the_extended_schema()
    {
        Assert.Equal(
            [
                "Unknown type \"Cow\". Did you mean \"Cat\" or \"Dog\"? @ 1:38",
            ],
            SdlErrors("extend type Dog { friend: Cat enemy: Cow }", Schema, c => new KnownTypeNamesRule(c)));
    }
}
