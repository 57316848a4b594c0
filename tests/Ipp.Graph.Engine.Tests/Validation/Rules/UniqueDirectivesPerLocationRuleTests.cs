using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void Repeatable_directives_and_distinct_locations_are_valid_in_type_system_definitions()
    {
        const string sdl = """
            directive @r repeatable on OBJECT | FIELD_DEFINITION
            directive @u on OBJECT | FIELD_DEFINITION
            type T @u @r @r { a: Int @u @r @r b: Int @u }
            type S @u { a: Int }
            """;
        Assert.Empty(SdlErrors(sdl, null, c => new UniqueDirectivesPerLocationRule(c)));
    }

    [Fact]
    public void A_type_and_its_extensions_or_the_schema_and_its_extensions_are_one_location()
    {
        const string sdl = """
            directive @r repeatable on OBJECT | FIELD_DEFINITION
            directive @u on OBJECT | FIELD_DEFINITION | SCHEMA
            type T @u @r @r @u { a: Int @u @u @r @r }
            extend type T @u
            schema @u { query: T }
            extend schema @u
            """;
        Assert.Equal(
            [
                "The directive \"@u\" can only be used once at this location. @ 3:8, 3:17",
                "The directive \"@u\" can only be used once at this location. @ 3:29, 3:32",
                "The directive \"@u\" can only be used once at this location. @ 3:8, 4:15",
                "The directive \"@u\" can only be used once at this location. @ 5:8, 6:15",
            ],
            SdlErrors(sdl, null, c => new UniqueDirectivesPerLocationRule(c)));
    }
}
