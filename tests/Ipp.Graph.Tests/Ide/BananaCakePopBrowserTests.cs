using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Ide;

/// <summary>
/// Banana Cake Pop as a user meets it: headless Chromium (Debian's chromium, driven by playwright-core from tests/js)
/// opens the real server's <c>/graphql</c>, the IDE loads the schema by introspection, a query is typed into a new
/// document and run, and the response is read from the page.
/// </summary>
public sealed class BananaCakePopBrowserTests
{
    private const string Query = "{ __typename __schema { queryType { name } subscriptionType { name } } }";

    [Fact]
    public async Task The_IDE_loads_the_schema_runs_a_typed_query_and_shows_its_result()
    {
        await using var server = await RunningServer.StartAsync();

        var output = await Task.Run(() => NodeRunner.Run("ide/bcp-run-query.mjs", Query, new Uri(server.Address, "graphql").ToString()));

        using var outcome = JsonDocument.Parse(output);
        var root = outcome.RootElement;
        Assert.True(root.GetProperty("introspected").GetBoolean());
        Assert.Equal(Query, root.GetProperty("sent").GetString());
        Assert.Equal(
            """{"data":{"__typename":"Query","__schema":{"queryType":{"name":"Query"},"subscriptionType":{"name":"Subscription"}}}}""",
            root.GetProperty("shown").GetRawText());
        Assert.Empty(server.Logs.Errors);
    }
}
