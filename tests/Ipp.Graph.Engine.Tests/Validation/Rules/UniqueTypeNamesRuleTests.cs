using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueTypeNamesRuleTests
{
    [Fact]
    public void Distinct_type_names_and_extensions_are_valid()
    {
        Assert.Empty(SdlErrors("type Foo { a: Int } extend type Foo { b: Int } scalar Bar", null, c => new UniqueTypeNamesRule(c)));
    }

    [Fact]
    public void Each_repeated_definition_is_reported_with_the_first()
    {
        const string sdl = """
            type Foo { a: Int }
            scalar Foo
            enum Foo { A }
            input Bar { a: Int }
            union Bar = Foo
            """;
        Assert.Equal(
            [
                "There can be only one type named \"Foo\". @ 1:6, 2:8",
                "There can be only one type named \"Foo\". @ 1:6, 3:6",
                "There can be only one type named \"Bar\". @ 4:7, 5:7",
            ],
            SdlErrors(sdl, null, c => new UniqueTypeNamesRule(c)));
    }
}
