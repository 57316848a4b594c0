using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueFragmentNamesRuleTests
{
    [Fact]
    public void Distinct_fragment_names_and_an_operation_of_the_same_name_are_valid()
    {
        Assert.Empty(Errors(
            Schema,
            "query A { dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { name }",
            c => new UniqueFragmentNamesRule(c)));
    }

    [Fact]
    public void Fragments_sharing_a_name_are_reported_with_the_first()
    {
        const string document = """
            { dog { ...A ...B } }
            fragment A on Dog { name }
            fragment B on Dog { name }
            fragment A on Dog { nickname }
            fragment A on Cat { name }
            """;
        Assert.Equal(
            [
                "There can be only one fragment named \"A\". @ 2:10, 4:10",
                "There can be only one fragment named \"A\". @ 2:10, 5:10",
            ],
            Errors(Schema, document, c => new UniqueFragmentNamesRule(c)));
    }
}
