using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueOperationNamesRuleTests
{
    [Fact]
    public void Distinct_names_an_anonymous_operation_and_a_fragment_of_the_same_name_are_valid()
    {
        Assert.Empty(Errors(
            Schema,
            "query Foo { dog { name } } query Bar { dog { name } } fragment Foo on Dog { name }",
            c => new UniqueOperationNamesRule(c)));
    }

    [Fact]
    public void Operations_of_any_kind_sharing_a_name_are_reported_with_the_first()
    {
        const string document = """
            query Foo { dog { name } }
            mutation Foo { renameDog(name: "x") { name } }
            subscription Foo { catSighted { name } }
            query Bar { dog { name } }
            fragment Foo on Dog { name }
            """;
        Assert.Equal(
            [
                "There can be only one operation named \"Foo\". @ 1:7, 2:10",
                "There can be only one operation named \"Foo\". @ 1:7, 3:14",
            ],
            Errors(Schema, document, c => new UniqueOperationNamesRule(c)));
    }
}
