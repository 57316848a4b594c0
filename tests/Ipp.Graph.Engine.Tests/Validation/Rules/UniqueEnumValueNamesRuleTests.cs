using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueEnumValueNamesRuleTests
{
    [Fact]
    public void Distinct_values_across_an_enum_and_its_extension_are_valid()
    {
        Assert.Empty(SdlErrors("enum E { A B } extend enum E { C }", null, c => new UniqueEnumValueNamesRule(c)));
    }

    [Fact]
    public void Values_defined_twice_in_an_enum_or_its_extensions_are_reported()
    {
        const string sdl = """
            enum E { A B A }
            extend enum E { B C }
            extend enum F { X X }
            """;
        Assert.Equal(
            [
                "Enum value \"E.A\" can only be defined once. @ 1:10, 1:14",
                "Enum value \"E.B\" can only be defined once. @ 1:12, 2:17",
                "Enum value \"F.X\" can only be defined once. @ 3:17, 3:19",
            ],
            SdlErrors(sdl, null, c => new UniqueEnumValueNamesRule(c)));
    }
}
