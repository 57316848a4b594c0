using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Engine.Tests.Oracle;

/// <summary>
/// The oracle: every corpus case runs on our engine and on graphql-js (the reference), on the same schema, data and
/// resolvers; the responses must agree on whether there is data, on the data, and on the errors (message,
/// locations, path). Deliberate differences are listed in docs/oracle-differences.md.
/// </summary>
public sealed class OracleTests
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<RequestExecutor> Executor = new(() => new RequestExecutor(OracleSchema.Instance, OracleEngineOptions.Create()));

    /// <summary>The names of every corpus case.</summary>
    public static TheoryData<OracleCaseName> Cases()
    {
        var data = new TheoryData<OracleCaseName>();
        foreach (var oracleCase in OracleCorpus.Cases)
        {
            data.Add(new OracleCaseName(oracleCase.Name));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Agrees_with_graphql_js(OracleCaseName name) => AssertAgreement(name.Value);

    private static async Task AssertAgreement(string name)
    {
        var oracleCase = OracleCorpus.Get(name);
        var reference = ReferenceResults.Response(name);
        var ours = await Execute(oracleCase);
        var differences = ResponseComparison.Differences(reference, ours);
        Assert.True(differences.Count == 0, Report(oracleCase, differences, reference, ours));
    }

    private static async Task<JsonObject> Execute(OracleCase oracleCase)
    {
        var request = new GraphQLRequest
        {
            Query = oracleCase.Query,
            OperationName = oracleCase.OperationName,
            Variables = oracleCase.Variables,
        };
        var result = await Executor.Value.ExecuteAsync(request, new RequestContext { RootValue = OracleData.Root });
        return JsonNode.Parse(result.ToJson())!.AsObject();
    }

    private static string Report(OracleCase oracleCase, IReadOnlyList<string> differences, JsonObject reference, JsonObject ours)
    {
        var variables = oracleCase.Variables is { } given ? given.GetRawText() : "(none)";
        return $"""
            {oracleCase.Name} ({oracleCase.File}) disagrees with graphql-js {ReferenceResults.Version}:
              - {string.Join("\n  - ", differences)}
            query: {oracleCase.Query}
            variables: {variables}
            operationName: {oracleCase.OperationName ?? "(none)"}
            graphql-js:
            {reference.ToJsonString(Pretty)}
            Ipp.Graph:
            {ours.ToJsonString(Pretty)}
            """;
    }
}
