using System.Text;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Utilities;
using Ipp.Graph.Engine.Validation;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation;

public class ValidatorTests
{
    [Fact]
    public void The_introspection_query_and_a_document_using_every_feature_are_valid()
    {
        Assert.Empty(Validator.Validate(Schema, Parser.Parse(IntrospectionQuery.Get())));
        const string document = """
            query Q($id: ID, $command: DogCommand = SIT, $input: ComplexInput!, $skip: Boolean!) @onQuery {
              human(id: $id) { name pets { ...PetFields ... on Dog { doesKnowCommand(dogCommand: $command) } } }
              catOrDog @onField { __typename ... on Cat { furColor } ... on Dog { barks @skip(if: $skip) } }
              complicatedArgs { complexArgField(complexArg: $input) oneOfArgField(oneOfArg: {intField: 3}) multipleReqs(req1: 1, req2: 2) }
            }
            mutation M { renameDog(name: "Rex") { name } }
            subscription S { dogBarked(loudest: true) { ...PetFields } }
            fragment PetFields on Pet { name(surname: true) }
            """;
        Assert.Empty(Validator.Validate(Schema, Parser.Parse(document)));
    }

    [Fact]
    public void Errors_of_all_rules_come_in_graphql_js_order()
    {
        const string document = """
            query Q($a: Int, $a: String, $unused: Dog) @onField {
              dog { name(surname: "yes") ...F ...Missing unknownField barkVolume: name }
              cat { ... on Dog { barks } meows @skip }
              complicatedArgs { multipleReqs(req1: 1) complexArgField(complexArg: {intField: "x"}) }
              human(id: $b) { pets }
            }
            { dog { name } }
            fragment F on Dog { ...G barkVolume }
            fragment G on Dog { ...F }
            fragment Unused on Cat { meows }
            subscription S { catSighted { name } dogBarked { name } }
            type T { a: Int }
            """;
        Assert.Equal(
            [
                "The \"T\" definition is not executable. @ 12:1",
                "There can be only one variable named \"$a\". @ 1:10, 1:19",
                "Variable \"$unused\" cannot be non-input type \"Dog\". @ 1:39",
                "Directive \"@onField\" may not be used on QUERY. @ 1:44",
                "Fields \"barkVolume\" conflict because \"name\" and \"barkVolume\" are different fields. Use different aliases on the fields to fetch both if this was intentional. @ 2:59, 8:26",
                "Boolean cannot represent a non boolean value: \"yes\" @ 2:23",
                "Unknown fragment \"Missing\". @ 2:38",
                "Cannot query field \"unknownField\" on type \"Dog\". @ 2:46",
                "Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\". @ 3:9",
                "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 3:36",
                "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. @ 4:21",
                "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided. @ 4:71",
                "Int cannot represent non-integer value: \"x\" @ 4:82",
                "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"? @ 5:19",
                "Variable \"$b\" is not defined by operation \"Q\". @ 5:13, 1:1",
                "Variable \"$a\" is never used in operation \"Q\". @ 1:9",
                "Variable \"$a\" is never used in operation \"Q\". @ 1:18",
                "Variable \"$unused\" is never used in operation \"Q\". @ 1:30",
                "This anonymous operation must be the only defined operation. @ 7:1",
                "Cannot spread fragment \"F\" within itself via \"G\". @ 8:21, 9:21",
                "Subscription \"S\" must select only one top level field. @ 11:38",
                "Fragment \"Unused\" is never used. @ 10:1",
            ],
            Errors(Schema, document));
    }

    [Fact]
    public void Every_error_carries_the_validation_failed_code()
    {
        var errors = Validator.Validate(Schema, Parser.Parse("{ dog { unknown } cat } fragment F on Dog { name }"));
        Assert.Equal(3, errors.Count);
        Assert.All(errors, error => Assert.Equal(ErrorCodes.ValidationFailed, error.Code));
    }

    [Fact]
    public void Validation_stops_after_the_error_limit_with_an_error_saying_so()
    {
        var document = "{ " + string.Join(" ", Enumerable.Range(0, 105).Select(i => $"u{i}")) + " }";
        var errors = Validator.Validate(Schema, Parser.Parse(document));
        Assert.Equal(101, errors.Count);
        Assert.Equal("Cannot query field \"u99\" on type \"QueryRoot\". @ 1:389", Describe(errors[99]));
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", Describe(errors[100]));
        Assert.Equal(ErrorCodes.ValidationFailed, errors[100].Code);

        var limited = Validator.Validate(Schema, Parser.Parse(document), new ValidationOptions { MaxErrors = 3 });
        Assert.Equal(
            [
                "Cannot query field \"u0\" on type \"QueryRoot\". @ 1:3",
                "Cannot query field \"u1\" on type \"QueryRoot\". @ 1:6",
                "Cannot query field \"u2\" on type \"QueryRoot\". @ 1:9",
                "Too many validation errors, error limit reached. Validation aborted.",
            ],
            Describe(limited));
    }

    [Fact]
    public void Documents_needing_more_fragment_work_than_graphql_js_allows_are_aborted_as_graphql_js_aborts_them()
    {
        // Sixty operations each using a chain of up to a thousand fragments: past graphql-js's 50,000 steps.
        var document = new StringBuilder();
        for (var k = 0; k < 60; k++)
        {
            document.Append($"query Q{k} {{ dog {{ ...F{k} }} }}\n");
        }

        for (var i = 0; i < 1000; i++)
        {
            document.Append($"fragment F{i} on Dog {{ name ...F{i + 1} }}\n");
        }

        document.Append("fragment F1000 on Dog { name }\n");
        Assert.Equal(["Validation aborted."], Errors(Schema, document.ToString()));
    }

    [Fact]
    public void Sdl_validation_runs_every_sdl_rule_in_one_pass()
    {
        const string sdl = """
            type Query { a: Strin b: Int @unknown }
            type Query { c: Int }
            extend type Missing { d: Int }
            schema { query: Query } schema { query: Query }
            enum E { A A }
            """;
        Assert.Equal(
            [
                "Unknown type \"Strin\". Did you mean \"String\"? @ 1:17",
                "Unknown directive \"@unknown\". @ 1:30",
                "There can be only one type named \"Query\". @ 1:6, 2:6",
                "Cannot extend type \"Missing\" because it is not defined. @ 3:13",
                "Must provide only one schema definition. @ 4:25",
                "There can be only one query type in schema. @ 4:10, 4:34",
                "Enum value \"E.A\" can only be defined once. @ 5:10, 5:12",
            ],
            SdlErrors(sdl, null));
    }
}
