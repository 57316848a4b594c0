using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueDirectiveNamesRuleTests
{
    [Fact]
    public void Distinct_directive_names_are_valid_and_may_reuse_built_in_names_without_a_schema()
    {
        Assert.Empty(SdlErrors("directive @d on FIELD directive @e on FIELD directive @skip on FIELD", null, c => new UniqueDirectiveNamesRule(c)));
    }

    [Fact]
    public void A_directive_defined_twice_is_reported()
    {
        const string sdl = """
            directive @d on FIELD
            directive @e on FIELD
            directive @d on QUERY
            """;
        Assert.Equal(
            ["There can be only one directive named \"@d\". @ 1:12, 3:12"],
            SdlErrors(sdl, null, c => new UniqueDirectiveNamesRule(c)));
    }

    [Fact]
    public void Directives_of_the_extended_schema_cannot_be_redefined()
    {
        Assert.Equal(
            [
                "Directive \"@onField\" already exists in the schema. It cannot be redefined. @ 1:12",
                "Directive \"@skip\" already exists in the schema. It cannot be redefined. @ 1:40",
            ],
            SdlErrors("directive @onField on FIELD directive @skip on FIELD directive @new on FIELD", Schema, c => new UniqueDirectiveNamesRule(c)));
    }
}
