using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

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

    [Fact]
    public void Extensions_are_checked_against_the_types_of_the_extended_schema()
    {
        Assert.Equal(
            [
                "Cannot extend non-interface type \"Dog\". @ 1:35",
                "Cannot extend non-scalar type \"FurColor\". @ 1:97",
                "Cannot extend type \"Dgo\" because it is not defined. Did you mean \"Dog\"? @ 1:144",
                "Cannot extend non-input object type \"String\". @ 1:159",
            ],
            SdlErrors("extend type Dog { color: String } extend interface Dog { x: Int } extend union CatOrDog = Human extend scalar FurColor @deprecated extend type Dgo { a: Int } extend input String { a: Int }", Schema, c => new PossibleTypeExtensionsRule(c)));
    }
}
