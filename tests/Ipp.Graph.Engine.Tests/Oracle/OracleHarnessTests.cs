using System.Text.Json.Nodes;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>Checks the oracle's own machinery: the canonical JSON of echo fields and the comparison of responses.</summary>
public sealed class OracleHarnessTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.0, "0")]
    [InlineData(100.0, "100")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.2e21, "1.2e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-1.5e-10, "-1.5e-10")]
    [InlineData(123456789.123456789, "123456789.12345679")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(2147483648.0, "2147483648")]
    public void Canonical_json_prints_numbers_as_javascript_does(double value, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Write(value));
    }

    [Fact]
    public void Canonical_json_escapes_strings_as_json_stringify_does()
    {
        Assert.Equal("\"q\\\" b\\\\ \\n\\t\\b\\f\\r \\u0000\\u001f \u007f \u2028 é 😀 \\ud800\"", CanonicalJson.Write("q\" b\\ \n\t\b\f\r \u0000\u001f \u007f \u2028 é 😀 \ud800"));
    }

    [Fact]
    public void Canonical_json_sorts_keys_and_writes_lists()
    {
        var value = new Dictionary<string, object?>
        {
            ["b"] = new object?[] { 1, null, true, "x" },
            ["a"] = new Dictionary<string, object?> { ["z"] = 2.5, ["Z"] = 1L },
            ["B"] = false,
        };
        Assert.Equal("{\"B\":false,\"a\":{\"Z\":1,\"z\":2.5},\"b\":[1,null,true,\"x\"]}", CanonicalJson.Write(value));
    }

    [Fact]
    public void Identical_responses_agree()
    {
        var response = Parse("""{"errors":[{"message":"m","locations":[{"line":1,"column":2}],"path":["a",0]}],"data":{"a":[null]}}""");
        Assert.Empty(ResponseComparison.Differences(response, Parse(response.ToJsonString())));
    }

    [Fact]
    public void Error_order_and_extensions_do_not_matter()
    {
        var reference = Parse("""{"errors":[{"message":"one","path":["a"]},{"message":"two","path":["b"]}],"data":{"a":null,"b":null}}""");
        var ours = Parse("""{"errors":[{"message":"two","path":["b"],"extensions":{"code":"X"}},{"message":"one","path":["a"]}],"data":{"a":null,"b":null}}""");
        Assert.Empty(ResponseComparison.Differences(reference, ours));
    }

    [Fact]
    public void Numbers_compare_by_value()
    {
        Assert.Empty(ResponseComparison.Differences(Parse("""{"data":{"a":1e+21,"b":1}}"""), Parse("""{"data":{"a":1E21,"b":1.0}}""")));
    }

    [Theory]
    [InlineData("""{"data":{"a":1}}""", """{"data":{"a":2}}""")]
    [InlineData("""{"data":{"a":1,"b":2}}""", """{"data":{"b":2,"a":1}}""")]
    [InlineData("""{"data":{"a":"1"}}""", """{"data":{"a":1}}""")]
    [InlineData("""{"data":{"a":[1]}}""", """{"data":{"a":[1,1]}}""")]
    [InlineData("""{"data":null}""", """{"data":{}}""")]
    [InlineData("""{"data":null}""", """{}""")]
    [InlineData("""{"errors":[{"message":"m"}]}""", """{"errors":[{"message":"n"}]}""")]
    [InlineData("""{"errors":[{"message":"m","locations":[{"line":1,"column":1}]}]}""", """{"errors":[{"message":"m"}]}""")]
    [InlineData("""{"errors":[{"message":"m","path":["a",0]}]}""", """{"errors":[{"message":"m","path":["a","0"]}]}""")]
    [InlineData("""{"errors":[{"message":"m"}]}""", """{"errors":[{"message":"m"},{"message":"m"}]}""")]
    [InlineData("""{"errors":[{"message":"m"}],"data":null}""", """{"data":null}""")]
    public void Differences_are_found(string reference, string ours)
    {
        Assert.NotEmpty(ResponseComparison.Differences(Parse(reference), Parse(ours)));
        Assert.NotEmpty(ResponseComparison.Differences(Parse(ours), Parse(reference)));
    }

    [Fact]
    public void Descriptions_of_built_ins_are_normalised_but_others_are_compared()
    {
        var reference = Parse("""{"data":{"types":[{"name":"String","description":"theirs","fields":[{"name":"x","description":"a"}]},{"name":"Dog","description":"d"}]}}""");
        var sameUserText = Parse("""{"data":{"types":[{"name":"String","description":"ours","fields":[{"name":"x","description":"b"}]},{"name":"Dog","description":"d"}]}}""");
        var otherUserText = Parse("""{"data":{"types":[{"name":"String","description":"theirs","fields":[{"name":"x","description":"a"}]},{"name":"Dog","description":"e"}]}}""");
        Assert.Empty(ResponseComparison.Differences(reference, sameUserText));
        Assert.NotEmpty(ResponseComparison.Differences(reference, otherUserText));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
