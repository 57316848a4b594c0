using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void Directives_in_type_system_definitions_given_each_argument_once_are_valid()
    {
        Assert.Empty(SdlErrors("directive @d(a: Int, b: Int) on OBJECT type T @d(a: 1, b: 2) { f: Int }", null, c => new UniqueArgumentNamesRule(c)));
    }

    [Fact]
    public void Arguments_repeated_on_a_directive_in_type_system_definitions_are_reported()
    {
        const string sdl = """
            directive @d(a: Int, b: Int) on OBJECT
            type T @d(a: 1, b: 2, a: 3, a: 4, b: 5) { f: Int }
            """;
        Assert.Equal(
            [
                "There can be only one argument named \"a\". @ 2:11, 2:23, 2:29",
                "There can be only one argument named \"b\". @ 2:17, 2:35",
            ],
            SdlErrors(sdl, null, c => new UniqueArgumentNamesRule(c)));
    }
}
