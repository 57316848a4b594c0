using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueArgumentDefinitionNamesRuleTests
{
    [Fact]
    public void Distinct_argument_names_are_valid()
    {
        Assert.Empty(SdlErrors(
            "directive @d(a: Int, b: Int) on FIELD type T { f(a: Int, b: Int): Int g(a: Int): Int }",
            null,
            c => new UniqueArgumentDefinitionNamesRule(c)));
    }

    [Fact]
    public void Arguments_defined_twice_are_reported_with_every_occurrence()
    {
        const string sdl = """
            directive @d(a: Int, a: Int, b: Int, b: Int, a: Int) on FIELD
            type T { f(x: Int, y: Int, x: Int): Int }
            extend interface I { g(z: Int, z: Int): Int }
            """;
        Assert.Equal(
            [
                "Argument \"@d(a:)\" can only be defined once. @ 1:14, 1:22, 1:46",
                "Argument \"@d(b:)\" can only be defined once. @ 1:30, 1:38",
                "Argument \"T.f(x:)\" can only be defined once. @ 2:12, 2:28",
                "Argument \"I.g(z:)\" can only be defined once. @ 3:24, 3:32",
            ],
            SdlErrors(sdl, null, c => new UniqueArgumentDefinitionNamesRule(c)));
    }
}
