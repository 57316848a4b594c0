using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>Our introspection query is the document graphql-js's getIntrospectionQuery produces, for every option.</summary>
public sealed class IntrospectionQueryTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, IntrospectionOptions> OptionSets = new()
    {
        ["defaults"] = new IntrospectionOptions(),
        ["everything on"] = IntrospectionOptionsFor.EverythingOn,
        ["everything off"] = IntrospectionOptionsFor.EverythingOff,
        ["no descriptions"] = new IntrospectionOptions { Descriptions = false },
        ["specifiedByUrl"] = new IntrospectionOptions { SpecifiedByUrl = true },
        ["directiveIsRepeatable"] = new IntrospectionOptions { DirectiveIsRepeatable = true },
        ["schemaDescription"] = new IntrospectionOptions { SchemaDescription = true },
        ["schemaDescription without descriptions"] = new IntrospectionOptions { SchemaDescription = true, Descriptions = false },
        ["inputValueDeprecation"] = new IntrospectionOptions { InputValueDeprecation = true },
        ["experimentalDirectiveDeprecation"] = new IntrospectionOptions { ExperimentalDirectiveDeprecation = true },
        ["oneOf"] = new IntrospectionOptions { OneOf = true },
        ["typeDepth 0"] = new IntrospectionOptions { TypeDepth = 0 },
        ["typeDepth 1"] = new IntrospectionOptions { TypeDepth = 1 },
        ["typeDepth 100"] = new IntrospectionOptions { TypeDepth = 100 },
    };

    public static TheoryData<string> OptionSetNames => [.. OptionSets.Keys];

    [Theory]
    [MemberData(nameof(OptionSetNames))]
    public void Asks_the_document_graphql_js_asks(string optionSet)
    {
        var options = OptionSets[optionSet];
        var output = NodeRunner.Run(
            "introspection/query-text.js",
            JsonSerializer.Serialize(new { options, query = IntrospectionQuery.Get(options) }, Json));

        using var documents = JsonDocument.Parse(output);
        Assert.Equal(documents.RootElement.GetProperty("expected").GetString(), documents.RootElement.GetProperty("actual").GetString());
    }

    [Fact]
    public void Defaults_are_graphql_js_defaults()
    {
        Assert.Equal(IntrospectionQuery.Get(new IntrospectionOptions()), IntrospectionQuery.Get());
        Assert.Contains("    description\n", IntrospectionQuery.Get(), StringComparison.Ordinal);
        Assert.DoesNotContain("specifiedByURL", IntrospectionQuery.Get(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_type_depth_above_100()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IntrospectionQuery.Get(new IntrospectionOptions { TypeDepth = 101 }));
        Assert.StartsWith("The type depth must be between 0 and 100; the default is 9.", error.Message, StringComparison.Ordinal);
    }
}
