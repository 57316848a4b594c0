using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueVariableNamesRuleTests
{
    [Fact]
    public void Distinct_variables_per_operation_are_valid()
    {
        Assert.Empty(Errors(Schema, "query A($x: Int, $y: Int) { dog { name } } query B($x: Int) { dog { name } }", c => new UniqueVariableNamesRule(c)));
    }

    [Fact]
    public void Variables_defined_twice_are_reported_with_every_definition()
    {
        const string document = """
            query A($x: Int, $x: Int, $x: String) { dog { name } }
            query B($y: Int, $z: Int, $y: Int, $z: Int) { dog { name } }
            query C($x: Int, $y: Int) { dog { name } }
            """;
        Assert.Equal(
            [
                "There can be only one variable named \"$x\". @ 1:10, 1:19, 1:28",
                "There can be only one variable named \"$y\". @ 2:10, 2:28",
                "There can be only one variable named \"$z\". @ 2:19, 2:37",
            ],
            Errors(Schema, document, c => new UniqueVariableNamesRule(c)));
    }
}
