using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>
/// graphql-http's audit of GraphQL-over-HTTP conformance (the suite graphql-http.com runs), from Node against the
/// running server: every audit, MUST, SHOULD and MAY alike, passes.
/// </summary>
public sealed class GraphQLHttpAuditTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Every_audit_of_graphql_http_passes()
    {
        var url = new Uri(fixture.Server.Address, "graphql").ToString();

        var output = await Task.Run(() => NodeRunner.Run("http/audit-server.mjs", "", url));

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var failures = results
            .Where(result => result.GetProperty("status").GetString() != "ok")
            .Select(result => $"{result.GetProperty("id").GetString()} {result.GetProperty("name").GetString()}: {result.GetProperty("reason")}")
            .ToList();
        Assert.True(failures.Count == 0, "Failed audits:\n" + string.Join('\n', failures));
        Assert.Contains(results, result => result.GetProperty("name").GetString()!.StartsWith("MUST", StringComparison.Ordinal));
        Assert.True(results.Count >= 60, $"Only {results.Count} audits ran.");
        Assert.Empty(fixture.Server.Logs.Errors);
    }
}
