using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void Objects_interfaces_unions_untyped_and_unknown_conditions_are_valid()
    {
        const string document = """
            { dog { ... on Dog { name } ... { name } ... on Unknown { x } } }
            fragment ok on CatOrDog { __typename }
            fragment ok2 on Pet { name }
            """;
        Assert.Empty(Errors(Schema, document, c => new FragmentsOnCompositeTypesRule(c)));
    }

    [Fact]
    public void Scalar_enum_and_input_conditions_are_reported()
    {
        const string document = """
            { dog { ... on Boolean { name } ... on Dog { name } ... { name } ... on Unknown { x } } }
            fragment scalarFragment on Boolean { bad }
            fragment enumFragment on FurColor { bad }
            fragment inputFragment on ComplexInput { bad }
            """;
        Assert.Equal(
            [
                "Fragment cannot condition on non composite type \"Boolean\". @ 1:16",
                "Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\". @ 2:28",
                "Fragment \"enumFragment\" cannot condition on non composite type \"FurColor\". @ 3:26",
                "Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\". @ 4:27",
            ],
            Errors(Schema, document, c => new FragmentsOnCompositeTypesRule(c)));
    }
}
