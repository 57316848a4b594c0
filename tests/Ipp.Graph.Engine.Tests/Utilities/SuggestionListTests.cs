using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Tests.Utilities;

/// <summary>SuggestionList and DidYouMean against graphql-js's suggestionList and didYouMean (checked with node).</summary>
public class SuggestionListTests
{
    [Fact]
    public void Orders_close_options_by_distance_then_natural_order()
    {
        Assert.Equal(["Name", "name", "nmae", "game", "nam", "names"], SuggestionList.Find("nme", ["name", "nmae", "Name", "game", "id", "names", "nam"]));
        Assert.Equal(["a2", "A2", "a02", "a1", "b2"], SuggestionList.Find("a2", ["a10", "a2", "a1", "A2", "a02", "b2"]));
        Assert.Equal(["GREEN", "Green", "green2", "RED"], SuggestionList.Find("GREEN", ["GREEN", "Green", "RED", "green2"]));
        Assert.Equal(["X", "xx", "y"], SuggestionList.Find("x", ["y", "xx", "abc", "X"]));
    }

    [Fact]
    public void Finds_nothing_when_no_option_is_close()
    {
        Assert.Empty(SuggestionList.Find("zzzz", ["name", "id"]));
        Assert.Empty(SuggestionList.Find("a", []));
    }

    [Fact]
    public void Natural_compare_orders_numbers_by_value()
    {
        Assert.True(SuggestionList.NaturalCompare("a2", "a10") < 0);
        Assert.True(SuggestionList.NaturalCompare("a10", "a9") > 0);
        Assert.Equal(0, SuggestionList.NaturalCompare("abc", "abc"));
        Assert.True(SuggestionList.NaturalCompare("ab", "abc") < 0);
    }

    [Fact]
    public void DidYouMean_lists_at_most_five()
    {
        Assert.Equal(" Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?", DidYouMean.Format(["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(" Did you mean the enum value \"A\" or \"B\"?", DidYouMean.Format("the enum value", ["A", "B"]));
        Assert.Equal("", DidYouMean.Format([]));
        Assert.Equal(" Did you mean \"q\"?", DidYouMean.Format(["q"]));
        Assert.Equal(" Did you mean \"a\", \"b\", or \"c\"?", DidYouMean.Format(["a", "b", "c"]));
    }
}
