namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>Checks the corpus itself: its size, its names, and that it exercises every validation rule of graphql-js.</summary>
public sealed class OracleCorpusTests
{
    /// <summary>Each specified rule must be the source of errors in at least this many cases.</summary>
    private const int MinimumInvalidCasesPerRule = 3;

    [Fact]
    public void Has_at_least_400_cases()
    {
        Assert.True(OracleCorpus.Cases.Count >= 400, $"the corpus has {OracleCorpus.Cases.Count} cases");
    }

    [Fact]
    public void Case_names_are_unique()
    {
        var duplicates = OracleCorpus.Cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_reference_is_graphql_js_16()
    {
        Assert.StartsWith("16.", ReferenceResults.Version);
    }

    [Fact]
    public void Every_specified_rule_reports_errors_in_several_cases()
    {
        var counts = ReferenceResults.SpecifiedRules.ToDictionary(rule => rule, _ => 0);
        foreach (var oracleCase in OracleCorpus.Cases)
        {
            foreach (var rule in ReferenceResults.RulesReporting(oracleCase.Name))
            {
                counts[rule]++;
            }
        }

        Assert.True(counts.Count >= 27, $"graphql-js lists only {counts.Count} rules");
        var uncovered = counts.Where(pair => pair.Value < MinimumInvalidCasesPerRule).Select(pair => $"{pair.Key} ({pair.Value})").ToArray();
        Assert.True(uncovered.Length == 0, "rules reporting errors in too few cases: " + string.Join(", ", uncovered));
    }
}
