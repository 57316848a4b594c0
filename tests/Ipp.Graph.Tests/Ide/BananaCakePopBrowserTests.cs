using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Tests.Experiments;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Ide;

/// <summary>
/// Banana Cake Pop as a user meets it: headless Chromium (Debian's chromium, driven by playwright-core from tests/js)
/// opens the real server's <c>/graphql</c>, the IDE loads the schema by introspection, an operation is typed into a
/// new document and run; a query's response is read from the page, a subscription's exchange from the IDE's WebSocket
/// (anonymous, and signed in by the session cookie to see an experiment's status change arrive).
/// Nothing the IDE does is blocked by the server's Content-Security-Policy.
/// </summary>
public sealed class BananaCakePopBrowserTests
{
    [Fact]
    public async Task The_IDE_loads_the_schema_runs_a_typed_query_and_shows_its_result()
    {
        const string query = "{ __typename __schema { queryType { name } } applications { key label } }";
        await using var server = await RunningServer.StartAsync();

        var output = await Task.Run(() => NodeRunner.Run("ide/bcp-run-query.mjs", query, new Uri(server.Address, "graphql").ToString()));

        using var outcome = JsonDocument.Parse(output);
        var root = outcome.RootElement;
        Assert.True(root.GetProperty("introspected").GetBoolean());
        Assert.Equal(query, root.GetProperty("sent").GetString());
        var shown = JsonSerializer.Serialize(root.GetProperty("shown"));
        Assert.StartsWith("""{"data":{"__typename":"Query","__schema":{"queryType":{"name":"Query"}},"applications":[{"key":""", shown);
        Assert.Equal(await AnswerOverHttpAsync(server, query), shown);
        Assert.Empty(root.GetProperty("cspViolations").EnumerateArray());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task The_IDE_runs_a_subscription_over_this_servers_WebSocket()
    {
        const string subscription = "subscription { sessionEnded { reason } }";
        await using var server = await RunningServer.StartAsync();
        var graphql = new Uri(server.Address, "graphql");

        var output = await Task.Run(() => NodeRunner.Run("ide/bcp-run-query.mjs", subscription, graphql.ToString(), "subscription"));

        // Nobody is signed in, so the server refuses the subscription; what matters is where and how it was asked.
        using var outcome = JsonDocument.Parse(output);
        var root = outcome.RootElement;
        Assert.True(root.GetProperty("introspected").GetBoolean());
        Assert.Equal(new UriBuilder(graphql) { Scheme = "ws" }.Uri.ToString(), root.GetProperty("socket").GetString());
        Assert.Equal(
            """
            [{"direction":"sent","type":"connection_init"},{"direction":"received","type":"connection_ack"},{"direction":"sent","type":"subscribe","payload":{"query":"subscription { sessionEnded { reason } }"}},{"direction":"received","type":"error","payload":[{"message":"Sign in first: this field needs a valid session token.","locations":[{"line":1,"column":16}],"path":["sessionEnded"],"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}]}]
            """,
            root.GetProperty("messages").GetRawText());
        Assert.Empty(root.GetProperty("cspViolations").EnumerateArray());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_signed_in_user_sees_a_status_change_arrive_live_in_the_IDE()
    {
        const string subscription = "subscription { experimentStatusChanged { status previousStatus experiment { name } } }";
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var graphql = new Uri(server.Address, "graphql").ToString();

        // The browser holds the session cookie; the IDE's socket (from the server's own page) carries it.
        var run = Task.Run(() => NodeRunner.Run("ide/bcp-run-query.mjs", subscription, graphql, "subscription", user.Token));
        await WaitForSubscriptionAsync(server, user, run);
        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);

        using var outcome = JsonDocument.Parse(await run);
        var root = outcome.RootElement;
        Assert.Equal(
            """
            [{"direction":"sent","type":"connection_init"},{"direction":"received","type":"connection_ack"},{"direction":"sent","type":"subscribe","payload":{"query":"subscription { experimentStatusChanged { status previousStatus experiment { name } } }"}},{"direction":"received","type":"next","payload":{"data":{"experimentStatusChanged":{"status":"RUNNING","previousStatus":"SUBMITTED","experiment":{"name":"seeded"}}}}}]
            """,
            root.GetProperty("messages").GetRawText());
        Assert.Empty(root.GetProperty("cspViolations").EnumerateArray());
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>
    /// Waits until the IDE's subscription is live on the server, as long as the browser run goes on (starting Chromium
    /// and loading the IDE takes longer than the live tests' patience on a loaded machine; the run has its own deadline).
    /// </summary>
    private static async Task WaitForSubscriptionAsync(RunningServer server, LiveFixture user, Task<string> run)
    {
        var hub = server.Services.GetRequiredService<ExperimentEventHub>();
        while (hub.CountSubscriptions(user.UserId) == 0)
        {
            if (run.IsCompleted)
            {
                Assert.Fail("The browser run ended before the IDE subscribed: " + await run);
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The server's own answer to <paramref name="query"/> over HTTP, as compact JSON (written as the page's is).</summary>
    private static async Task<string> AnswerOverHttpAsync(RunningServer server, string query)
    {
        using var client = server.CreateClient();
        using var body = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("graphql", body);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return JsonSerializer.Serialize(answer.RootElement);
    }
}
