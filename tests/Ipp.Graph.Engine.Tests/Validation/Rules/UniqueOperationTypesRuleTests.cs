using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueOperationTypesRuleTests
{
    [Fact]
    public void Each_operation_type_once_across_definition_and_extension_is_valid()
    {
        Assert.Empty(SdlErrors(
            "type Query { a: Int } schema { query: Query } extend schema { mutation: Query }",
            null,
            c => new UniqueOperationTypesRule(c)));
    }

    [Fact]
    public void Operation_types_defined_twice_are_reported_with_both_definitions()
    {
        const string sdl = """
            type Query { a: Int }
            schema { query: Query mutation: Query query: Query }
            extend schema { mutation: Query subscription: Query }
            """;
        Assert.Equal(
            [
                "There can be only one query type in schema. @ 2:10, 2:39",
                "There can be only one mutation type in schema. @ 2:23, 3:17",
            ],
            SdlErrors(sdl, null, c => new UniqueOperationTypesRule(c)));
    }

    [Fact]
    public void Operation_types_the_extended_schema_defines_cannot_be_redefined()
    {
        Assert.Equal(
            [
                "Type for query already defined in the schema. It cannot be redefined. @ 1:17",
                "Type for mutation already defined in the schema. It cannot be redefined. @ 1:28",
                "Type for subscription already defined in the schema. It cannot be redefined. @ 1:53",
            ],
            SdlErrors("extend schema { query: Dog mutation: Cat } schema { subscription: Dog }", Schema, c => new UniqueOperationTypesRule(c)));
    }
}
