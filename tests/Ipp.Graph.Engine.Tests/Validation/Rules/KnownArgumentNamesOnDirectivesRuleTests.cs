using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class KnownArgumentNamesOnDirectivesRuleTests
{
    [Fact]
    public void Arguments_the_directives_define_are_valid()
    {
        Assert.Empty(SdlErrors(
            "directive @d(arg: Int) on OBJECT type T @d(arg: 1) { a: Int @deprecated(reason: \"x\") }",
            null,
            c => new KnownArgumentNamesOnDirectivesRule(c)));
    }

    [Fact]
    public void Unknown_arguments_of_known_directives_are_reported_with_suggestions()
    {
        const string sdl = """
            directive @d(arg: Int, other: String) on FIELD_DEFINITION | OBJECT
            type T @d(arg: 1, ar: 2) { a: Int @d(othr: "x") @deprecated(reson: "x", reason: "y") @unknown(x: 1) }
            """;
        Assert.Equal(
            [
                "Unknown argument \"ar\" on directive \"@d\". Did you mean \"arg\"? @ 2:19",
                "Unknown argument \"othr\" on directive \"@d\". Did you mean \"other\"? @ 2:38",
                "Unknown argument \"reson\" on directive \"@deprecated\". Did you mean \"reason\"? @ 2:61",
            ],
            SdlErrors(sdl, null, c => new KnownArgumentNamesOnDirectivesRule(c)));
    }
}
