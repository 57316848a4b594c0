using System.Text.Json;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// The server against the clients people use, from npm (tests/js): graphql-ws's createClient on
/// graphql-transport-ws with the real accounts, subscriptions-transport-ws's client (older Apollo clients) on the
/// legacy graphql-ws, and graphql-sse's client on Server-Sent Events.
/// </summary>
public sealed class NpmClientsEndToEndTests
{
    private const string Operations = """
        [
          { "query": "{ caller }" },
          { "query": "subscription ($n: Int!) { counter(to: $n) }", "variables": { "n": 3 } },
          { "query": "{ nope }" }
        ]
        """;

    [Fact]
    public async Task Graphql_ws_createClient_receives_sessionEnded_once_when_the_user_signs_in_again()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        await AccountsClient.SignUpAsync(server, "e2e@example.org");

        var output = await Task.Run(() => NodeRunner.Run(
            "ws/session-ended.mjs", "", new Uri(server.Address, "graphql").ToString(), "e2e@example.org", AccountsClient.Password));

        using var outcome = JsonDocument.Parse(output);
        var root = outcome.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.True(root.GetProperty("completed").GetBoolean());
        var sessionEnded = Assert.Single(root.GetProperty("events").EnumerateArray()).GetProperty("data").GetProperty("sessionEnded");
        Assert.Equal("REPLACED", sessionEnded.GetProperty("reason").GetString());
        Assert.True(DateTimeOffset.TryParse(sessionEnded.GetProperty("endedAt").GetString(), out _));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task The_subscriptions_transport_ws_client_runs_queries_and_subscriptions_over_the_legacy_protocol()
    {
        await using var server = await StreamingServer.StartAsync();
        var url = new UriBuilder(server.Address) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();

        var output = await Task.Run(() => NodeRunner.Run("ws/legacy-client.mjs", Operations, url, TestAuthenticator.ValidToken));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("""{"results":[{"data":{"caller":"tester"}}],"error":null}""", lines[0]);
        Assert.Equal("""{"results":[{"data":{"counter":1}},{"data":{"counter":2}},{"data":{"counter":3}}],"error":null}""", lines[1]);

        // The client hands its observer the first error of an error message.
        Assert.Equal(
            """{"results":[],"error":{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}}""",
            lines[2]);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task The_graphql_sse_client_runs_queries_and_subscriptions_over_server_sent_events()
    {
        await using var server = await StreamingServer.StartAsync();

        var output = await Task.Run(() => NodeRunner.Run("sse/client.mjs", Operations, new Uri(server.Address, "graphql").ToString(), TestAuthenticator.ValidToken));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("""{"results":[{"data":{"caller":null}}],"error":null}""", lines[0]);
        Assert.Equal("""{"results":[{"data":{"counter":1}},{"data":{"counter":2}},{"data":{"counter":3}}],"error":null}""", lines[1]);
        Assert.Equal(
            """{"results":[{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}],"error":null}""",
            lines[2]);
        Assert.Empty(server.Logs.Errors);
    }
}
