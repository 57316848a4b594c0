using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueInputFieldNamesRuleTests
{
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
