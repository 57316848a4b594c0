using System.Text.Json;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.JavaScript;

public sealed class JsonStringsTests
{
    // Lone surrogates do not survive xunit's serialisation of test cases, hence no discovery enumeration.
    public static TheoryData<string, string> Cases => new()
    {
        { "\"plain\"", "plain" },
        { "\"a\\ud800b\"", "a" + (char)0xD800 + "b" },
        { "\"\\udc00\\n\\\"\\\\\\/\\t\"", (char)0xDC00 + "\n\"\\/\t" },
        { "\"\\ud83d\\ude00 ok\"", "\ud83d\ude00 ok" },
    };

    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
    public void Reads_strings_as_json_parse_does_lone_surrogates_included(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, JsonStrings.GetString(document.RootElement));
    }

    [Fact]
    public void The_string_scalar_accepts_a_variable_holding_a_lone_surrogate()
    {
        using var document = JsonDocument.Parse("\"a\\ud800b\"");
        Assert.Equal("a" + (char)0xD800 + "b", SpecifiedScalars.String.ParseValue(document.RootElement));
    }
}
