using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class ProvidedRequiredArgumentsOnDirectivesRuleTests
{
    [Fact]
    public void Directives_given_their_required_arguments_are_valid()
    {
        Assert.Empty(SdlErrors(
            "directive @d(a: Int!, c: Int! = 1, e: Int) on OBJECT type T @d(a: 1) { f: Int @deprecated }",
            null,
            c => new ProvidedRequiredArgumentsOnDirectivesRule(c)));
    }

    [Fact]
    public void Missing_required_arguments_are_reported_with_their_types_as_written()
    {
        const string sdl = """
            directive @d(a: Int!, b: [String!]!, c: Int! = 1, e: Int) on OBJECT
            type T @d(a: 1) @d @deprecated @specifiedBy { f: Int @include }
            """;
        Assert.Equal(
            [
                "Directive \"@d\" argument \"b\" of type \"[String!]!\" is required, but it was not provided. @ 2:8",
                "Directive \"@d\" argument \"a\" of type \"Int!\" is required, but it was not provided. @ 2:17",
                "Directive \"@d\" argument \"b\" of type \"[String!]!\" is required, but it was not provided. @ 2:17",
                "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided. @ 2:32",
                "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @ 2:54",
            ],
            SdlErrors(sdl, null, c => new ProvidedRequiredArgumentsOnDirectivesRule(c)));
    }

    [Fact]
    public void An_argument_defined_twice_counts_once_with_its_last_type()
    {
        const string sdl = """
            directive @d(a: Int!, b: Int, a: [Int]!) on OBJECT
            type T @d { f: Int }
            """;
        Assert.Equal(
            ["Directive \"@d\" argument \"a\" of type \"[Int]!\" is required, but it was not provided. @ 2:8"],
            SdlErrors(sdl, null, c => new ProvidedRequiredArgumentsOnDirectivesRule(c)));
    }
}
