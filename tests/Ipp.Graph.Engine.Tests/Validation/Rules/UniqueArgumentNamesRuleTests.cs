using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void Fields_and_directives_given_each_argument_once_are_valid()
    {
        Assert.Empty(Errors(
            Schema,
            "{ dog { isAtLocation(x: 1, y: 2) name @withArgs(required: 1, list: [1]) @include(if: true) } }",
            c => new UniqueArgumentNamesRule(c)));
    }

    [Fact]
    public void Arguments_repeated_on_fields_and_directives_are_reported_with_every_occurrence()
    {
        Assert.Equal(
            [
                "There can be only one argument named \"x\". @ 1:22, 1:34, 1:40",
                "There can be only one argument named \"y\". @ 1:28, 1:46",
                "There can be only one argument named \"required\". @ 1:67, 1:80",
                "There can be only one argument named \"list\". @ 1:93, 1:104",
            ],
            Errors(
                Schema,
                "{ dog { isAtLocation(x: 1, y: 2, x: 3, x: 4, y: 5) name @withArgs(required: 1, required: 2, list: [1], list: [2]) doesKnowCommand(dogCommand: SIT) } }",
                c => new UniqueArgumentNamesRule(c)));
    }

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
