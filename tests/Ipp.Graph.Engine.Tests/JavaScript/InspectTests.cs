using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.JavaScript;

/// <summary>Inspect.Format against graphql-js's inspect() (expected texts produced with node).</summary>
public class InspectTests
{
    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    [Fact]
    public void Formats_primitives_like_javascript()
    {
        Assert.Equal("null", Inspect.Format(null));
        Assert.Equal("\"abc\"", Inspect.Format("abc"));
        Assert.Equal("123", Inspect.Format(123));
        Assert.Equal("123", Inspect.Format(123L));
        Assert.Equal("-1.5", Inspect.Format(-1.5));
        Assert.Equal("true", Inspect.Format(true));
        Assert.Equal("0.30000000000000004", Inspect.Format(0.1 + 0.2));
        Assert.Equal("5e-7", Inspect.Format(5e-7));
        Assert.Equal("0.000001", Inspect.Format(1e-6));
        Assert.Equal("1e+21", Inspect.Format(1e21));
        Assert.Equal("9007199254740992", Inspect.Format(9007199254740992d));
        Assert.Equal("123456789012345680000", Inspect.Format(123456789012345680000d));
        Assert.Equal("0", Inspect.Format(-0.0));
        Assert.Equal("NaN", Inspect.Format(double.NaN));
        Assert.Equal("-Infinity", Inspect.Format(double.NegativeInfinity));
        Assert.Equal("1.5", Inspect.Format(1.50m));
    }

    [Fact]
    public void Quotes_strings_like_json_stringify()
    {
        Assert.Equal("\"tab\\there\"", Inspect.Format("tab\there"));
        Assert.Equal("\"\\u001f\u007f\"", Inspect.Format("\u001f\u007f"));
        Assert.Equal("\"a\\u0001\\\"\\\\\\n\\ud800é\"", Inspect.Format("a\u0001\"\\\n\ud800é"));
        Assert.Equal("\"😀\"", Inspect.Format("😀"));
    }

    [Fact]
    public void Formats_lists_and_objects()
    {
        Assert.Equal("[]", Inspect.Format(Array.Empty<object?>()));
        Assert.Equal("{}", Inspect.Format(Map()));
        Assert.Equal("[null, \"x\", { k y: 2 }]", Inspect.Format(new object?[] { null, "x", Map(("k y", 2)) }));
        Assert.Equal("{ : 1 }", Inspect.Format(Map(("", 1))));
        Assert.Equal("[{}]", Inspect.Format(new List<object?> { Map() }));
        Assert.Equal("{ a: [{}] }", Inspect.Format(Map(("a", new object?[] { Map() }))));
    }

    [Fact]
    public void Cuts_off_below_two_levels_of_nesting()
    {
        Assert.Equal("[1, [2, [Array]]]", Inspect.Format(new object?[] { 1, new object?[] { 2, new object?[] { 3, new object?[] { 4 } } } }));
        Assert.Equal(
            "{ a: { b: [Object] }, d: [1, [Object]] }",
            Inspect.Format(Map(("a", Map(("b", Map(("c", 1))))), ("d", new object?[] { 1, Map(("e", Array.Empty<object?>())) }))));
        Assert.Equal("[[[Array]]]", Inspect.Format(new object?[] { new object?[] { new object?[] { Array.Empty<object?>() } } }));
        Assert.Equal("{ a: [[Object]] }", Inspect.Format(Map(("a", new object?[] { Map(("b", 1)) }))));
    }

    [Fact]
    public void Shows_at_most_ten_items()
    {
        Assert.Equal("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 1 more item]", Inspect.Format(Enumerable.Range(0, 11).ToArray()));
        Assert.Equal("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 5 more items]", Inspect.Format(Enumerable.Range(0, 15).ToList()));
    }

    [Fact]
    public void Formats_json_elements_as_the_values_they_hold()
    {
        Assert.Equal("{ a: { b: [Object] }, d: [1, [Object]] }", Inspect.Format(Json.Parse("{\"a\":{\"b\":{\"c\":1}},\"d\":[1,{\"e\":[]}]}")));
        Assert.Equal("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 2 more items]", Inspect.Format(Json.Parse("[0,1,2,3,4,5,6,7,8,9,10,11]")));
        Assert.Equal("1", Inspect.Format(Json.Parse("1.0")));
        Assert.Equal("1e+100", Inspect.Format(Json.Parse("1e100")));
        Assert.Equal("\"x\"", Inspect.Format(Json.Parse("\"x\"")));
        Assert.Equal("null", Inspect.Format(Json.Parse("null")));
        Assert.Equal("{ a: [1, [Array]] }", Inspect.Format(Map(("a", Json.Parse("[1, [2, [3]]]")))));
    }

    [Fact]
    public void Marks_circular_references()
    {
        var map = Map(("a", 1));
        map["self"] = map;
        Assert.Equal("{ a: 1, self: [Circular] }", Inspect.Format(map));
    }

    private enum Status
    {
        Active,
    }

    private sealed record Person(string Name);

    private sealed class Opaque
    {
    }

    [Fact]
    public void Formats_dotnet_values_without_a_javascript_counterpart()
    {
        Assert.Equal("Status.Active", Inspect.Format(Status.Active));
        Assert.Equal("2026-11-21T13:44:00.000Z", Inspect.Format(new DateTime(2026, 11, 21, 13, 44, 0, DateTimeKind.Utc)));
        Assert.Equal("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10", Inspect.Format(Guid.Parse("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10")));
        Assert.Equal("\"c\"", Inspect.Format('c'));
        Assert.Equal("[String!]", Inspect.Format(new ListType(new NonNullType(SpecifiedScalars.String))));
        Assert.Equal("Person { Name = Ada }", Inspect.Format(new Person("Ada")));
        Assert.Equal("[Opaque]", Inspect.Format(new Opaque()));
        Assert.Equal("[function Formats_primitives_like_javascript]", Inspect.Format(new Action(Formats_primitives_like_javascript)));
    }
}
