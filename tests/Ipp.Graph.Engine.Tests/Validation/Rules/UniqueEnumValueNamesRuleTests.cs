using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

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

    [Fact]
    public void Values_of_the_extended_schema_cannot_be_added_again()
    {
        Assert.Equal(
            [
                "Enum value \"FurColor.BROWN\" already exists in the schema. It cannot also be defined in this type extension. @ 1:30",
                "Enum value \"FurColor.GREEN\" can only be defined once. @ 1:24, 1:36",
                "Enum value \"DogCommand.SIT\" already exists in the schema. It cannot also be defined in this type extension. @ 1:69",
            ],
            SdlErrors("extend enum FurColor { GREEN BROWN GREEN } extend enum DogCommand { SIT }", Schema, c => new UniqueEnumValueNamesRule(c)));
    }
}
