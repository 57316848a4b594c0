using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

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

    [Fact]
    public void Types_of_the_extended_schema_cannot_be_defined_again()
    {
        Assert.Equal(
            [
                "Type \"Dog\" already exists in the schema. It cannot also be defined in this type definition. @ 1:6",
                "Type \"String\" already exists in the schema. It cannot also be defined in this type definition. @ 1:39",
                "Type \"FurColor\" already exists in the schema. It cannot also be defined in this type definition. @ 1:51",
            ],
            SdlErrors("type Dog { a: Int } scalar Foo scalar String enum FurColor { A }", Schema, c => new UniqueTypeNamesRule(c)));
    }
}
