using System.Text.Json;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments.History;

/// <summary>
/// <c>Experiment.events</c> over the real server: the events the subscription delivered (folder moves, and a change
/// recorded with its reason by the one recorder), oldest first, paged as the other lists are, the pages of many
/// experiments in one query.
/// </summary>
public sealed class ExperimentHistoryTests
{
    private const string History = """
        query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
          experiment(id: $id) {
            events(first: $first, after: $after, last: $last, before: $before) {
              totalCount
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              edges { cursor node { cursor experimentId status previousStatus changedAt reason } }
            }
          }
        }
        """;

    [Fact]
    public async Task The_history_holds_the_events_the_subscription_delivered_oldest_first_with_their_reasons()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var subscriber = user.SubscribeAsync("ws", experiment, ExperimentStatus.Failed, experimentId: experiment);
        await user.WaitForSubscribersAsync(1);

        // The backend takes the folder; then the recorder notes a failure with its reason, as the token pool's observer does.
        user.Rename(experiment, ExperimentStatus.Submitted, ExperimentStatus.Running);
        await user.WaitForStatusAsync(experiment, ExperimentStatus.Running);
        var failed = await server.Services.GetRequiredService<ExperimentEvents>()
            .TryChangeAsync(experiment, user.UserId, ExperimentStatus.Running, ExperimentStatus.Failed, CancellationToken.None, reason: "exit code 3");
        Assert.NotNull(failed);

        var outcome = await subscriber;
        Assert.Equal(JsonValueKind.Null, outcome.Error.ValueKind);
        var delivered = outcome.Results.Select(result => WithoutExperiment(result.GetProperty("data").GetProperty("experimentStatusChanged"))).ToList();
        var page = await EventsAsync(user, experiment, new { first = 10 });
        var history = page.GetProperty("edges").EnumerateArray().Select(edge => WithoutExperiment(edge.GetProperty("node"))).ToList();

        Assert.Equal(delivered, history);
        Assert.Equal([$"{experiment} SUBMITTED->RUNNING", $"{experiment} RUNNING->FAILED"], outcome.Changes);
        var last = page.GetProperty("edges")[1].GetProperty("node");
        Assert.Equal("exit code 3", last.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("edges")[0].GetProperty("node").GetProperty("reason").ValueKind);
        // An edge's cursor is its event's: the one the subscription takes as `after`.
        Assert.All(page.GetProperty("edges").EnumerateArray(), edge => Assert.Equal(edge.GetProperty("cursor").GetString(), edge.GetProperty("node").GetProperty("cursor").GetString()));
        Assert.Equal(2, page.GetProperty("totalCount").GetInt32());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Pages_follow_one_another_forwards_and_backwards()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00", "--Experiments:WatchFolders=false");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        var other = await user.SeedAsync(ExperimentStatus.Submitted);
        var changes = await RecordAsync(server, user, experiment, ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Failed, ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Completed);
        await RecordAsync(server, user, other, ExperimentStatus.Submitted, ExperimentStatus.Running);
        var ids = changes.Select(change => EventCursor.Encode(change.Id)).ToArray();

        var first = await EventsAsync(user, experiment, new { first = 2 });
        var second = await EventsAsync(user, experiment, new { first = 2, after = EndCursor(first) });
        var third = await EventsAsync(user, experiment, new { first = 2, after = EndCursor(second) });
        var lastTwo = await EventsAsync(user, experiment, new { last = 2 });
        var beforeThem = await EventsAsync(user, experiment, new { last = 2, before = lastTwo.GetProperty("pageInfo").GetProperty("startCursor").GetString() });
        var between = await EventsAsync(user, experiment, new { after = ids[0], before = ids[4] });

        Assert.Equal(ids[..2], Cursors(first));
        Assert.Equal(ids[2..4], Cursors(second));
        Assert.Equal(ids[4..], Cursors(third));
        Assert.Equal((true, false), PageFlags(first));
        Assert.Equal((true, true), PageFlags(second));
        Assert.Equal((false, true), PageFlags(third));
        Assert.Equal(ids[3..], Cursors(lastTwo));
        Assert.Equal((false, true), PageFlags(lastTwo));
        Assert.Equal(ids[1..3], Cursors(beforeThem));
        Assert.Equal((true, true), PageFlags(beforeThem));
        Assert.Equal(ids[1..4], Cursors(between));
        Assert.All([first, second, third, lastTwo], page => Assert.Equal(5, page.GetProperty("totalCount").GetInt32()));
        Assert.Equal(["SUBMITTED->RUNNING"], Changes(await EventsAsync(user, other, new { first = 10 })));
        Assert.Equal(
            ["SUBMITTED->RUNNING", "RUNNING->FAILED", "FAILED->SUBMITTED", "SUBMITTED->RUNNING", "RUNNING->COMPLETED"],
            Changes(await EventsAsync(user, experiment, new { })));
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("{\"after\": \"not a cursor\"}", PagingErrorCodes.InvalidCursor)]
    [InlineData("{\"before\": \"RXhwZXJpbWVudDox\"}", PagingErrorCodes.InvalidCursor)]
    [InlineData("{\"first\": 101}", PagingErrorCodes.MaxPaginationItems)]
    [InlineData("{\"last\": -1}", PagingErrorCodes.MinPaginationItems)]
    public async Task Paging_arguments_out_of_bounds_are_refused_with_the_lists_codes(string arguments, string code)
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing, "--Experiments:ReconcileInterval=00:00:00", "--Experiments:WatchFolders=false");
        var user = await LiveFixture.SignUpAsync(server);
        var experiment = await user.SeedAsync(ExperimentStatus.Submitted);
        using var http = new GraphQLHttp(server);
        var variables = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;
        variables["id"] = GlobalId.Encode("Experiment", experiment);

        var response = await http.PostAsync(History, variables, user.Token);

        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(JsonValueKind.Null, response.Body.GetProperty("data").GetProperty("experiment").GetProperty("events").ValueKind);
    }

    [Fact]
    public async Task The_events_of_a_page_of_experiments_are_read_in_one_query_and_counted_in_another()
    {
        await using var server = await RunningServer.StartAsync(
            AccountsClient.FastHashing,
            "--Experiments:ReconcileInterval=00:00:00",
            "--Experiments:WatchFolders=false",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        var user = await LiveFixture.SignUpAsync(server);
        var experiments = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            experiments.Add(await user.SeedAsync(ExperimentStatus.Submitted));
            await RecordAsync(server, user, experiments[^1], [ExperimentStatus.Submitted, .. Enumerable.Repeat(new[] { ExperimentStatus.Running, ExperimentStatus.Submitted }, i).SelectMany(pair => pair)]);
        }

        using var http = new GraphQLHttp(server);
        var before = server.Logs.Entries.Count;
        var response = await http.PostAsync(
            "{ experiments(first: 10) { nodes { id events(first: 2) { totalCount pageInfo { hasNextPage } nodes { status previousStatus } } } } }", null, user.Token);
        var sql = server.Logs.Entries.Skip(before).Select(entry => entry.Message).Where(message => message.Contains("Executed DbCommand", StringComparison.Ordinal)).ToList();

        var nodes = response.Data("experiments").GetProperty("nodes").EnumerateArray().ToDictionary(
            node => node.GetProperty("id").GetString()!, node => node.GetProperty("events"));
        for (var i = 0; i < experiments.Count; i++)
        {
            var events = nodes[GlobalId.Encode("Experiment", experiments[i])];
            Assert.Equal(2 * i, events.GetProperty("totalCount").GetInt32());
            Assert.Equal(Math.Min(2, 2 * i), events.GetProperty("nodes").GetArrayLength());
            Assert.Equal(i > 1, events.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        }

        Assert.Single(sql, command => command.Contains("experimentEvents: page", StringComparison.Ordinal));
        Assert.Single(sql, command => command.Contains("experimentEvents: totalCount", StringComparison.Ordinal));
    }

    /// <summary>Moves the experiment through <paramref name="statuses"/> with the one recorder; the events, oldest first.</summary>
    private static async Task<List<ExperimentEvent>> RecordAsync(RunningServer server, LiveFixture user, long experiment, params ExperimentStatus[] statuses)
    {
        var recorder = server.Services.GetRequiredService<ExperimentEvents>();
        var events = new List<ExperimentEvent>();
        for (var i = 1; i < statuses.Length; i++)
        {
            events.Add(await recorder.TryChangeAsync(experiment, user.UserId, statuses[i - 1], statuses[i], CancellationToken.None) ?? throw new InvalidOperationException("Not recorded."));
        }

        return events;
    }

    private static async Task<JsonElement> EventsAsync(LiveFixture user, long experiment, object arguments)
    {
        using var http = new GraphQLHttp(user.Server);
        var variables = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        variables["id"] = GlobalId.Encode("Experiment", experiment);
        return (await http.PostAsync(History, variables, user.Token)).Data("experiment").GetProperty("events");
    }

    private static string? EndCursor(JsonElement page) => page.GetProperty("pageInfo").GetProperty("endCursor").GetString();

    private static string[] Cursors(JsonElement page) => [.. page.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("cursor").GetString()!)];

    private static (bool Next, bool Previous) PageFlags(JsonElement page) =>
        (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

    private static string[] Changes(JsonElement page) =>
    [
        .. page.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node")).Select(node =>
            $"{(node.GetProperty("previousStatus").ValueKind == JsonValueKind.Null ? "null" : node.GetProperty("previousStatus").GetString())}->{node.GetProperty("status").GetString()}"),
    ];

    /// <summary>
    /// An event's JSON without its <c>experiment</c> (the history asks the event's own fields), written alike whoever
    /// wrote it (node's JSON.stringify or the server).
    /// </summary>
    private static string WithoutExperiment(JsonElement change)
    {
        var fields = change.EnumerateObject().Where(field => field.Name != "experiment").ToDictionary(field => field.Name, field => field.Value);
        return JsonSerializer.Serialize(fields);
    }
}
