using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void Non_repeatable_directives_once_per_location_and_repeatable_ones_many_times_are_valid()
    {
        const string document = """
            query Q @onQuery { dog @onField @repeatable @repeatable { name @skip(if: false) @include(if: true) } ...F @onFragmentSpread }
            fragment F on Dog @onFragmentDefinition { ... @onInlineFragment { name @onField } }
            """;
        Assert.Empty(Errors(Schema, document, c => new UniqueDirectivesPerLocationRule(c)));
    }

    [Fact]
    public void Non_repeatable_directives_repeated_at_a_location_are_reported_with_the_first()
    {
        const string document = """
            query Q @onQuery @onQuery { dog @onField @onField @repeatable @repeatable @onField { name @skip(if: true) @skip(if: false) @include(if: true) } ...F @onFragmentSpread @onFragmentSpread @repeatable @repeatable }
            fragment F on Dog @onFragmentDefinition @onFragmentDefinition { ... @onInlineFragment @onInlineFragment { name } }
            """;
        Assert.Equal(
            [
                "The directive \"@onQuery\" can only be used once at this location. @ 1:9, 1:18",
                "The directive \"@onField\" can only be used once at this location. @ 1:33, 1:42",
                "The directive \"@onField\" can only be used once at this location. @ 1:33, 1:75",
                "The directive \"@skip\" can only be used once at this location. @ 1:91, 1:107",
                "The directive \"@onFragmentSpread\" can only be used once at this location. @ 1:150, 1:168",
                "The directive \"@onFragmentDefinition\" can only be used once at this location. @ 2:19, 2:41",
                "The directive \"@onInlineFragment\" can only be used once at this location. @ 2:69, 2:87",
            ],
            Errors(Schema, document, c => new UniqueDirectivesPerLocationRule(c)));
    }

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
