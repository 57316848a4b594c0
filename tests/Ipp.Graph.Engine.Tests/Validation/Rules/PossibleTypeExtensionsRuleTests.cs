using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class PossibleTypeExtensionsRuleTests
{
    [Fact]
    public void Extensions_of_defined_types_of_the_same_kind_are_valid()
    {
        Assert.Empty(SdlErrors(
            "type Foo { a: Int } extend type Foo { b: Int } scalar S extend scalar S @deprecated enum E { A } extend enum E { B }",
            null,
            c => new PossibleTypeExtensionsRule(c)));
    }

    [Fact]
    public void Extensions_of_another_kind_or_of_unknown_types_are_reported()
    {
        const string sdl = """
            type Foo { a: Int }
            scalar Sc
            extend type Foo { b: Int }
            extend interface Foo { c: Int }
            extend scalar Sc @deprecated
            extend input Sc { x: Int }
            extend type Fooo { d: Int }
            extend union Unknown = Foo
            """;
        Assert.Equal(
            [
                "Cannot extend non-interface type \"Foo\". @ 1:1, 4:1",
                "Cannot extend non-input object type \"Sc\". @ 2:1, 6:1",
                "Cannot extend type \"Fooo\" because it is not defined. Did you mean \"Foo\"? @ 7:13",
                "Cannot extend type \"Unknown\" because it is not defined. @ 8:14",
            ],
            SdlErrors(sdl, null, c => new PossibleTypeExtensionsRule(c)));
    }
}
