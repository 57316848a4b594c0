using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Validation;
using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class FieldsOnCorrectTypeRuleTests
{
    [Fact]
    public void Defined_fields_meta_fields_and_fields_on_unknown_types_are_valid()
    {
        const string document = """
            fragment a on Dog { name barkVolume __typename ... on Cat { meows } }
            fragment b on Pet { name ... on Dog { barks } }
            fragment c on CatOrDog { __typename ... on Cat { name } }
            fragment d on Unknown { anything }
            { __schema { types { name } } __type(name: "Dog") { name } }
            """;
        Assert.Empty(Errors(Schema, document, c => new FieldsOnCorrectTypeRule(c)));
    }

    [Fact]
    public void Unknown_fields_are_reported_with_types_to_condition_on_or_similar_field_names()
    {
        const string document = """
            fragment a on Dog { meowVolume barkVolume ... on Cat { meow furColour } name __typename unknown { deeper } }
            fragment b on Pet { nickname tailLength __typename }
            fragment c on CatOrDog { name __typename ... on Cat { name } }
            fragment d on Being { nickname numEyes iq mother }
            fragment e on Canine { barks }
            fragment f on Mammal { name }
            { __schema { types { name } } __type(name: "Dog") { name } dog { __schema { x } } }
            """;
        Assert.Equal(
            [
                "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"? @ 1:21",
                "Cannot query field \"meow\" on type \"Cat\". Did you mean \"meows\"? @ 1:56",
                "Cannot query field \"furColour\" on type \"Cat\". Did you mean \"furColor\"? @ 1:61",
                "Cannot query field \"unknown\" on type \"Dog\". @ 1:89",
                "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? @ 2:21",
                "Cannot query field \"tailLength\" on type \"Pet\". @ 2:30",
                "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Being\", \"Pet\", \"Canine\", \"Cat\", or \"Dog\"? @ 3:26",
                "Cannot query field \"nickname\" on type \"Being\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? @ 4:23",
                "Cannot query field \"numEyes\" on type \"Being\". Did you mean to use an inline fragment on \"Alien\"? @ 4:32",
                "Cannot query field \"iq\" on type \"Being\". Did you mean to use an inline fragment on \"Human\"? @ 4:40",
                "Cannot query field \"mother\" on type \"Being\". Did you mean to use an inline fragment on \"Mammal\", \"Canine\", or \"Dog\"? @ 4:43",
                "Cannot query field \"barks\" on type \"Canine\". Did you mean to use an inline fragment on \"Dog\"? @ 5:24",
                "Cannot query field \"name\" on type \"Mammal\". Did you mean to use an inline fragment on \"Being\", \"Canine\", \"Pet\", or \"Dog\"? @ 6:24",
                "Cannot query field \"__schema\" on type \"Dog\". @ 7:66",
            ],
            Errors(Schema, document, c => new FieldsOnCorrectTypeRule(c)));
    }

    [Fact]
    public void Suggestions_can_be_hidden()
    {
        var errors = Validator.Validate(
            Schema,
            Parser.Parse("fragment a on Dog { meowVolume } fragment b on Pet { nickname }"),
            [c => new FieldsOnCorrectTypeRule(c)],
            new ValidationOptions { HideSuggestions = true });
        Assert.Equal(
            [
                "Cannot query field \"meowVolume\" on type \"Dog\". @ 1:21",
                "Cannot query field \"nickname\" on type \"Pet\". @ 1:54",
            ],
            Describe(errors));
    }
}
