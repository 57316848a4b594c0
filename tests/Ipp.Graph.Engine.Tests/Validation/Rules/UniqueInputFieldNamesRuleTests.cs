using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueInputFieldNamesRuleTests
{
    [Fact]
    public void Input_objects_in_arguments_given_each_field_once_are_valid()
    {
        Assert.Empty(Errors(
            Schema,
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) oneOfArgField(oneOfArg: {stringField: \"a\"}) } }",
            c => new UniqueInputFieldNamesRule(c)));
    }

    [Fact]
    public void Repeated_input_fields_in_arguments_are_reported_with_the_first()
    {
        const string document = """
            { complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1, requiredField: false, stringListField: ["a"], intField: 2, intField: 3}) oneOfArgField(oneOfArg: {stringField: "a", stringField: "b"}) } }
            """;
        Assert.Equal(
            [
                "There can be only one input field named \"requiredField\". @ 1:50, 1:84",
                "There can be only one input field named \"intField\". @ 1:71, 1:130",
                "There can be only one input field named \"intField\". @ 1:71, 1:143",
                "There can be only one input field named \"stringField\". @ 1:182, 1:200",
            ],
            Errors(Schema, document, c => new UniqueInputFieldNamesRule(c)));
    }

    [Fact]
    public void Input_objects_in_type_system_definitions_given_each_field_once_are_valid()
    {
        Assert.Empty(SdlErrors(
            "directive @d(a: In) on OBJECT input In { x: Int y: In } type T @d(a: {x: 1, y: {x: 2}}) { f(a: In = {x: 1}): Int }",
            null,
            c => new UniqueInputFieldNamesRule(c)));
    }

    [Fact]
    public void Repeated_input_fields_in_type_system_definitions_are_reported_per_object_literal()
    {
        const string sdl = """
            directive @d(a: In) on OBJECT
            input In { x: Int y: In }
            type T @d(a: {x: 1, y: {x: 2, x: 3}, x: 4}) { f(a: In = {x: 1, x: 2}): Int }
            """;
        Assert.Equal(
            [
                "There can be only one input field named \"x\". @ 3:25, 3:31",
                "There can be only one input field named \"x\". @ 3:15, 3:38",
                "There can be only one input field named \"x\". @ 3:58, 3:64",
            ],
            SdlErrors(sdl, null, c => new UniqueInputFieldNamesRule(c)));
    }
}
