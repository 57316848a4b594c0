using Ipp.Graph.Engine.Utilities;
using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class MaxIntrospectionDepthRuleTests
{
    [Fact]
    public void The_standard_introspection_query_and_shallow_list_nesting_are_valid()
    {
        Assert.Empty(Errors(Schema, IntrospectionQuery.Get(), c => new MaxIntrospectionDepthRule(c)));
        const string document = """
            query Ok { __schema { types { fields { type { fields { name } } } } } }
            query Four { __schema { queryType { fields { name } } types { interfaces { name } possibleTypes { name } } } }
            """;
        Assert.Empty(Errors(Schema, document, c => new MaxIntrospectionDepthRule(c)));
    }

    [Fact]
    public void Three_nested_introspection_lists_are_reported_through_fragments_and_cycles()
    {
        const string document = """
            { __schema { types { fields { type { fields { type { fields { name } } } } } } } }
            query Ok { __schema { types { fields { type { fields { name } } } } } }
            query Frag { __type(name: "Dog") { ...A } }
            fragment A on __Type { fields { type { ...B } } }
            fragment B on __Type { interfaces { possibleTypes { name } } }
            query Cycle { __schema { types { ...C } } }
            fragment C on __Type { inputFields { type { ...C } } }
            """;
        Assert.Equal(
            [
                "Maximum introspection depth exceeded @ 1:3",
                "Maximum introspection depth exceeded @ 3:14",
                "Maximum introspection depth exceeded @ 6:15",
            ],
            Errors(Schema, document, c => new MaxIntrospectionDepthRule(c)));
    }
}
