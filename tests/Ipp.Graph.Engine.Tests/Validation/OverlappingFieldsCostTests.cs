using System.Text;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Validation;
using Ipp.Graph.Engine.Validation.Rules;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationHarness;
using static Ipp.Graph.Engine.Tests.Validation.Support.ValidationTestSchema;

namespace Ipp.Graph.Engine.Tests.Validation;

/// <summary>
/// The work OverlappingFieldsCanBeMerged does on hostile documents, counted in field comparisons (not timed): it
/// must stay near linear where graphql-js's pairwise comparison is quadratic or exponential.
/// </summary>
public class OverlappingFieldsCostTests
{
    private static (string[] Errors, long Comparisons) Run(string document, bool useFieldClasses = true)
    {
        OverlappingFieldsCanBeMergedRule? rule = null;
        var errors = Validator.Validate(
            Schema,
            Parser.Parse(document),
            [context => rule = new OverlappingFieldsCanBeMergedRule(context, useFieldClasses)]);
        return (Describe(errors), rule!.Finder.FieldComparisons);
    }

    private static string Repeat(string selection, int count) => string.Join(" ", Enumerable.Repeat(selection, count));

    [Fact]
    public void Ten_thousand_identical_leaf_fields_cost_one_comparison()
    {
        var (errors, comparisons) = Run("{ dog { " + Repeat("name", 10_000) + " } }");
        Assert.Empty(errors);
        Assert.Equal(1, comparisons);
    }

    [Fact]
    public void Without_classes_the_same_fields_would_be_compared_pair_by_pair()
    {
        var (errors, comparisons) = Run("{ dog { " + Repeat("name", 500) + " } }", useFieldClasses: false);
        Assert.Empty(errors);
        Assert.Equal(500 * 499 / 2, comparisons);
    }

    [Fact]
    public void Identical_fields_with_arguments_and_identical_sub_selections_cost_a_comparison_per_class()
    {
        var document = "{ dog { "
            + Repeat("doesKnowCommand(dogCommand: SIT)", 5_000) + " "
            + Repeat("mother { name father { nickname } }", 5_000) + " } }";
        var (errors, comparisons) = Run(document);
        Assert.Empty(errors);
        Assert.True(comparisons < 10, $"{comparisons} comparisons");
    }

    [Fact]
    public void Conflicts_among_many_identical_fields_are_found_in_order_until_the_error_limit()
    {
        // Every "name" conflicts with the last field: graphql-js reports the pairs (0, n), (1, n), ... in that order.
        var document = "{ dog { " + Repeat("name", 9_999) + " name: nickname } }";
        var (errors, comparisons) = Run(document);
        Assert.Equal(101, errors.Length);
        Assert.Equal(
            "Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. "
            + "Use different aliases on the fields to fetch both if this was intentional. @ 1:9, 1:50004",
            errors[0]);
        Assert.Equal(
            "Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. "
            + "Use different aliases on the fields to fetch both if this was intentional. @ 1:504, 1:50004",
            errors[99]);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[100]);
        Assert.True(comparisons < 1_000, $"{comparisons} comparisons");
    }

    [Fact]
    public void Fragments_that_fan_out_exponentially_are_compared_once_each()
    {
        // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 fields once expanded.
        var document = new StringBuilder("{ dog { name ...F0 } }\n");
        for (var i = 0; i < 40; i++)
        {
            document.Append($"fragment F{i} on Dog {{ name nickname ...F{i + 1} ...F{i + 1} }}\n");
        }

        document.Append("fragment F40 on Dog { name barks }\n");
        var (errors, comparisons) = Run(document.ToString());
        Assert.Empty(errors);
        Assert.True(comparisons < 5_000, $"{comparisons} comparisons");
    }

    [Fact]
    public void Nested_fields_repeated_through_fragments_are_compared_once_per_pair()
    {
        // Each level selects the next level's fragment under the same field twice; pairs already found compatible are not compared again.
        var document = new StringBuilder("{ dog { ...L0 } }\n");
        for (var i = 0; i < 30; i++)
        {
            document.Append($"fragment L{i} on Dog {{ mother {{ ...L{i + 1} }} mother {{ ...L{i + 1} }} name }}\n");
        }

        document.Append("fragment L30 on Dog { name }\n");
        var (errors, comparisons) = Run(document.ToString());
        Assert.Empty(errors);
        Assert.True(comparisons < 5_000, $"{comparisons} comparisons");
    }
}
