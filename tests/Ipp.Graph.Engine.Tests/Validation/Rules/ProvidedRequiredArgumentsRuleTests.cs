using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class ProvidedRequiredArgumentsRuleTests
{
    [Fact]
    public void Required_arguments_given_and_optional_or_defaulted_ones_left_out_are_valid()
    {
        const string document = """
            { complicatedArgs { multipleReqs(req2: 2, req1: 1) nonNullFieldWithDefault multipleOpts multipleOptAndReq(req1: 1, req2: 2) unknown }
              dog { name @include(if: true) @withArgs(required: 1) } __type(name: "Dog") { name } }
            """;
        Assert.Empty(Errors(Schema, document, c => new ProvidedRequiredArgumentsRule(c)));
    }

    [Fact]
    public void Missing_required_arguments_of_fields_and_directives_are_reported()
    {
        const string document = """
            { complicatedArgs { multipleReqs(req1: 1) a: multipleReqs b: multipleOptAndReq(req1: 1) nonNullFieldWithDefault multipleOpts nonNullIntArgField(x: 1) } dog { name @include @withArgs(optional: "y") @skip(unless: 1) } }
            query Q @withArgs { __type { name } }
            """;
        Assert.Equal(
            [
                "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. @ 1:21",
                "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided. @ 1:43",
                "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. @ 1:43",
                "Field \"multipleOptAndReq\" argument \"req2\" of type \"Int!\" is required, but it was not provided. @ 1:59",
                "Field \"nonNullIntArgField\" argument \"nonNullIntArg\" of type \"Int!\" is required, but it was not provided. @ 1:126",
                "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 1:164",
                "Directive \"@withArgs\" argument \"required\" of type \"Int!\" is required, but it was not provided. @ 1:173",
                "Directive \"@skip\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 1:198",
                "Directive \"@withArgs\" argument \"required\" of type \"Int!\" is required, but it was not provided. @ 2:9",
                "Field \"__type\" argument \"name\" of type \"String!\" is required, but it was not provided. @ 2:21",
            ],
            Errors(Schema, document, c => new ProvidedRequiredArgumentsRule(c)));
    }
}
