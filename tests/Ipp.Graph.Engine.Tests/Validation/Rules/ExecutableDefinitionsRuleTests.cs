using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class ExecutableDefinitionsRuleTests
{
    [Fact]
    public void Operations_and_fragments_are_valid()
    {
        Assert.Empty(Errors(Schema, "query Foo { dog { ...F } } fragment F on Dog { name }", c => new ExecutableDefinitionsRule(c)));
    }

    [Fact]
    public void Each_type_system_definition_is_reported_by_its_name()
    {
        const string document = """
            query Foo { dog { name } }
            type Cow { name: String }
            extend type Dog { color: String }
            schema { query: QueryRoot }
            extend schema @onQuery
            directive @d on FIELD
            scalar S
            """;
        Assert.Equal(
            [
                "The \"Cow\" definition is not executable. @ 2:1",
                "The \"Dog\" definition is not executable. @ 3:1",
                "The schema definition is not executable. @ 4:1",
                "The schema definition is not executable. @ 5:1",
                "The \"d\" definition is not executable. @ 6:1",
                "The \"S\" definition is not executable. @ 7:1",
            ],
            Errors(Schema, document, c => new ExecutableDefinitionsRule(c)));
    }
}
