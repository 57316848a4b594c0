using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class LoneSchemaDefinitionRuleTests
{
    [Fact]
    public void One_schema_definition_is_valid()
    {
        Assert.Empty(SdlErrors("schema { query: Foo } type Foo { a: Int }", null, c => new LoneSchemaDefinitionRule(c)));
    }

    [Fact]
    public void Every_schema_definition_after_the_first_is_reported()
    {
        const string sdl = """
            schema { query: Foo }
            type Foo { a: Int }
            schema { mutation: Foo }
            schema { subscription: Foo }
            """;
        Assert.Equal(
            [
                "Must provide only one schema definition. @ 3:1",
                "Must provide only one schema definition. @ 4:1",
            ],
            SdlErrors(sdl, null, c => new LoneSchemaDefinitionRule(c)));
    }

    [Fact]
    public void A_schema_definition_cannot_be_added_to_a_schema_that_has_one()
    {
        Assert.Equal(
            [
                "Cannot define a new schema within a schema extension. @ 1:1",
            ],
            SdlErrors("schema { query: Dog }", Schema, c => new LoneSchemaDefinitionRule(c)));
    }
}
