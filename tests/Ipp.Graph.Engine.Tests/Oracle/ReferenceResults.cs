using System.Text.Json.Nodes;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// What graphql-js answers for every corpus case, from one run of tests/js/oracle/run.mjs per test run: the
/// response, and which specified validation rules report an error on their own.
/// </summary>
internal static class ReferenceResults
{
    private static readonly Lazy<JsonObject> Output = new(Run);

    /// <summary>The graphql-js version that answered.</summary>
    public static string Version => (string)Output.Value["version"]!;

    /// <summary>The names of graphql-js's <c>specifiedRules</c>.</summary>
    public static IReadOnlyList<string> SpecifiedRules =>
        Output.Value["specifiedRules"]!.AsArray().Select(rule => (string)rule!).ToArray();

    /// <summary>graphql-js's response to the case, as <c>{ errors?, data? }</c> (errors with message, locations, path).</summary>
    public static JsonObject Response(string caseName) => Case(caseName)["result"]!.AsObject();

    /// <summary>The specified rules that report an error for the case's document.</summary>
    public static IReadOnlyList<string> RulesReporting(string caseName) =>
        Case(caseName)["rules"]!.AsArray().Select(rule => (string)rule!).ToArray();

    private static JsonObject Case(string caseName) =>
        Output.Value["cases"]![caseName]?.AsObject() ?? throw new InvalidOperationException($"run.mjs gave no result for {caseName}");

    private static JsonObject Run()
    {
        var output = NodeRunner.Run(Path.Combine("oracle", "run.mjs"), "", OracleFiles.Folder);
        return JsonNode.Parse(output)!.AsObject();
    }
}
