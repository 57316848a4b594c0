using System.Text;
using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation.Rules;

public class NoFragmentCyclesRuleTests
{
    [Fact]
    public void Fragments_spread_several_times_without_a_cycle_are_valid()
    {
        const string document = """
            fragment fragA on Dog { ...fragB ...fragB mother { ...fragC } }
            fragment fragB on Dog { ...fragC name }
            fragment fragC on Dog { name ...unknown }
            """;
        Assert.Empty(Errors(Schema, document, c => new NoFragmentCyclesRule(c)));
    }

    [Fact]
    public void Each_cycle_is_reported_once_with_the_spreads_forming_it()
    {
        const string document = """
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragC ...fragX }
            fragment fragC on Dog { ...fragA ...fragB }
            fragment fragX on Dog { ...fragY ...fragZ }
            fragment fragY on Dog { ...fragX }
            fragment fragZ on Dog { mother { ...fragZ } father { ... on Dog { ...fragA } } }
            fragment self on Dog { ...self ...self }
            """;
        Assert.Equal(
            [
                "Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\". @ 1:25, 2:25, 3:25",
                "Cannot spread fragment \"fragB\" within itself via \"fragC\". @ 2:25, 3:34",
                "Cannot spread fragment \"fragX\" within itself via \"fragY\". @ 4:25, 5:25",
                "Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragX\", \"fragZ\". @ 1:25, 2:34, 4:34, 6:67",
                "Cannot spread fragment \"fragZ\" within itself. @ 6:34",
                "Cannot spread fragment \"self\" within itself. @ 7:24",
                "Cannot spread fragment \"self\" within itself. @ 7:32",
            ],
            Errors(Schema, document, c => new NoFragmentCyclesRule(c)));
    }

    [Fact]
    public void A_chain_of_many_thousand_fragments_is_searched_without_recursion()
    {
        var document = new StringBuilder("fragment F0 on Dog { ...F1 }\n");
        for (var i = 1; i < 20_000; i++)
        {
            document.Append($"fragment F{i} on Dog {{ ...F{i + 1} }}\n");
        }

        document.Append("fragment F20000 on Dog { ...F0 }\n");
        var errors = Errors(Schema, document.ToString(), c => new NoFragmentCyclesRule(c));
        Assert.Single(errors);
        Assert.StartsWith("Cannot spread fragment \"F0\" within itself via \"F1\", \"F2\", ", errors[0]);
    }
}
