using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void Scalars_enums_input_objects_and_unknown_types_are_valid()
    {
        Assert.Empty(Errors(
            Schema,
            "query Foo($d: String, $e: [ComplexInput!], $f: Unknown, $g: FurColor!) { dog { name } }",
            c => new VariablesAreInputTypesRule(c)));
    }

    [Fact]
    public void Output_types_are_reported_as_written()
    {
        Assert.Equal(
            [
                "Variable \"$a\" cannot be non-input type \"Dog\". @ 1:15",
                "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". @ 1:24",
                "Variable \"$c\" cannot be non-input type \"Pet\". @ 1:44",
            ],
            Errors(
                Schema,
                "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet, $d: String, $e: [ComplexInput!], $f: Unknown, $g: FurColor) { dog { name } }",
                c => new VariablesAreInputTypesRule(c)));
    }
}
