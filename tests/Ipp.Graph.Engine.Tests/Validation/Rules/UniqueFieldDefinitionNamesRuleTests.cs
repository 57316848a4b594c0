using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueFieldDefinitionNamesRuleTests
{
    [Fact]
    public void Distinct_fields_across_types_and_extensions_are_valid()
    {
        Assert.Empty(SdlErrors(
            "type T { a: Int } extend type T { b: Int } interface I { a: Int } input In { a: Int }",
            null,
            c => new UniqueFieldDefinitionNamesRule(c)));
    }

    [Fact]
    public void Fields_defined_twice_in_a_type_or_its_extensions_are_reported()
    {
        const string sdl = """
            type T { a: Int b: Int a: String }
            extend type T { b: Int c: Int }
            interface I { x: Int x: Int }
            input In { f: Int f: Int }
            extend input In { f: Int }
            """;
        Assert.Equal(
            [
                "Field \"T.a\" can only be defined once. @ 1:10, 1:24",
                "Field \"T.b\" can only be defined once. @ 1:17, 2:17",
                "Field \"I.x\" can only be defined once. @ 3:15, 3:22",
                "Field \"In.f\" can only be defined once. @ 4:12, 4:19",
                "Field \"In.f\" can only be defined once. @ 4:12, 5:19",
            ],
            SdlErrors(sdl, null, c => new UniqueFieldDefinitionNamesRule(c)));
    }

    [Fact]
    public void Fields_of_the_extended_schema_cannot_be_added_again()
    {
        Assert.Equal(
            [
                "Field \"Dog.name\" already exists in the schema. It cannot also be defined in this type extension. @ 1:19",
                "Field \"Dog.color\" can only be defined once. @ 1:32, 1:46",
                "Field \"ComplexInput.intField\" already exists in the schema. It cannot also be defined in this type extension. @ 1:87",
                "Field \"Pet.name\" already exists in the schema. It cannot also be defined in this type extension. @ 1:126",
            ],
            SdlErrors("extend type Dog { name: String color: String color: Int } extend input ComplexInput { intField: Int } extend interface Pet { name: String }", Schema, c => new UniqueFieldDefinitionNamesRule(c)));
    }
}
