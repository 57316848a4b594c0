using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Tests.Introspection;

/// <summary>
/// The full introspection query, run on our engine and on graphql-js for the same SDL, gives the same response
/// (apart from the descriptions of built-in types and directives, which are our own), and graphql-js can rebuild
/// the schema from our response.
/// </summary>
public sealed class FullIntrospectionTests
{
    private static readonly Dictionary<string, IntrospectionOptions> OptionSets = new()
    {
        ["everything on"] = IntrospectionOptionsFor.EverythingOn,
        ["everything off"] = IntrospectionOptionsFor.EverythingOff,
        ["defaults"] = new IntrospectionOptions(),
    };

    private static readonly Dictionary<string, string> Schemas = new()
    {
        ["rich"] = RichSchema.Sdl,
        ["minimal"] = "type Query { a: Int }",
    };

    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var schema in Schemas.Keys)
            {
                foreach (var optionSet in OptionSets.Keys)
                {
                    cases.Add(schema, optionSet);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Gives_graphql_js_response(string schema, string optionSet)
    {
        var sdl = Schemas[schema];
        var query = IntrospectionQuery.Get(OptionSets[optionSet]);

        var expected = Engines.GraphQLJs(sdl, query);
        Assert.DoesNotContain("\"errors\"", expected, StringComparison.Ordinal);

        var actual = await Engines.Ours(sdl, query);
        Assert.Equal(BuiltInDescriptions.Blank(expected), BuiltInDescriptions.Blank(actual));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rebuilds_in_graphql_js_as_graphql_js_own_response_does(string schema, string optionSet)
    {
        var sdl = Schemas[schema];
        var query = IntrospectionQuery.Get(OptionSets[optionSet]);
        var printed = await RebuildInGraphQLJs(sdl, query);

        Assert.Equal(printed.GetProperty("fromGraphQLJs").GetString(), printed.GetProperty("fromOurs").GetString());
    }

    [Theory]
    [InlineData("rich")]
    [InlineData("minimal")]
    public async Task Rebuilds_in_graphql_js_as_the_schema_it_describes_when_everything_is_asked(string schema)
    {
        var sdl = Schemas[schema];
        var printed = await RebuildInGraphQLJs(sdl, IntrospectionQuery.Get(IntrospectionOptionsFor.EverythingOn));

        Assert.Equal(printed.GetProperty("fromSdl").GetString(), printed.GetProperty("fromOurs").GetString());
    }

    /// <summary>graphql-js's printSchema of: the SDL's schema, buildClientSchema of its own response, and of ours.</summary>
    private static async Task<JsonElement> RebuildInGraphQLJs(string sdl, string query)
    {
        var response = JsonNode.Parse(await Engines.Ours(sdl, query))!;
        var input = new JsonObject { ["sdl"] = sdl, ["query"] = query, ["introspection"] = response["data"]!.DeepClone() };
        using var printed = JsonDocument.Parse(NodeRunner.Run("introspection/client-schema.js", input.ToJsonString()));
        return printed.RootElement.Clone();
    }
}
