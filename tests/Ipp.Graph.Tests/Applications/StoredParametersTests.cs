using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Images;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// <c>storedParameters(application:)</c> over the real server: the caller's own earlier parameter sets for an
/// application of either kind, each distinct set once with the newest experiment that used it, newest first, paged
/// as every list; other users' sets never, and an application the caller may not see answers as an unknown one (empty).
/// </summary>
public sealed class StoredParametersTests(ApplicationServers servers) : IClassFixture<ApplicationServers>
{
    private const string Query =
        "query($application: String!, $first: Int, $after: String, $last: Int, $before: String) { storedParameters(application: $application, first: $first, after: $after, last: $last, before: $before) "
        + "{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { parameters lastUsedAt experimentId } } }";

    private static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Each_distinct_set_comes_once_with_its_last_use_newest_first_and_never_another_users()
    {
        var ada = await servers.SignUpAsync();
        var bob = await servers.SignUpAsync();
        var first = await servers.AddExperimentAsync(ada, "demo", """{"threshold":3}""", Start);
        await servers.AddExperimentAsync(ada, "demo", """{"threshold":5,"mode":"fast"}""", Start.AddMinutes(1));
        var lastOfThree = await servers.AddExperimentAsync(ada, "demo", """{"threshold":3}""", Start.AddMinutes(2));
        var lastOfFive = await servers.AddExperimentAsync(ada, "demo", """{"threshold":5,"mode":"fast"}""", Start.AddMinutes(3), ExperimentStatus.Completed);
        var empty = await servers.AddExperimentAsync(ada, "demo", "{}", Start.AddMinutes(4), ExperimentStatus.Failed);
        // Another user's newer sets, and the caller's own on another application or still being created, are not listed.
        await servers.AddExperimentAsync(bob, "demo", """{"threshold":9}""", Start.AddMinutes(5));
        await servers.AddExperimentAsync(bob, "demo", """{"threshold":3}""", Start.AddMinutes(6));
        await servers.AddExperimentAsync(ada, "other-app", """{"threshold":7}""", Start.AddMinutes(7));
        await servers.AddExperimentAsync(ada, "demo", """{"threshold":8}""", Start.AddMinutes(8), ExperimentStatus.Staging);

        var list = (await servers.PostAsync(Query, new { application = "demo" }, ada)).Data("storedParameters");

        Assert.Equal(3, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            $$"""[{"parameters":{},"lastUsedAt":"2026-03-01T09:04:00.000Z","experimentId":"{{empty}}"},{"parameters":{"threshold":5,"mode":"fast"},"lastUsedAt":"2026-03-01T09:03:00.000Z","experimentId":"{{lastOfFive}}"},{"parameters":{"threshold":3},"lastUsedAt":"2026-03-01T09:02:00.000Z","experimentId":"{{lastOfThree}}"}]""",
            list.GetProperty("nodes").GetRawText());
        Assert.DoesNotContain(first, list.GetRawText());
        var bobs = (await servers.PostAsync(Query, new { application = "demo" }, bob)).Data("storedParameters").GetProperty("nodes");
        Assert.Equal(["""{"threshold":3}""", """{"threshold":9}"""], bobs.EnumerateArray().Select(n => n.GetProperty("parameters").GetRawText()));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task Pages_follow_each_other_forwards_and_backwards_with_one_query_each()
    {
        var ada = await servers.SignUpAsync();
        for (var i = 0; i < 7; i++)
        {
            await servers.AddExperimentAsync(ada, "demo", $$"""{"threshold":{{i}}}""", Start.AddMinutes(i));
            await servers.AddExperimentAsync(ada, "demo", $$"""{"threshold":{{i}}}""", Start.AddMinutes(i).AddSeconds(30));
        }

        var forwards = new List<string>();
        string? after = null;
        do
        {
            JsonElement page = default;
            var commands = await servers.CaptureSqlAsync(async () =>
                page = (await servers.PostAsync(Query.Replace("totalCount ", "", StringComparison.Ordinal), new { application = "demo", first = 3, after }, ada)).Data("storedParameters"));
            forwards.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("parameters").GetRawText()));
            Assert.Single(commands, c => c.Contains("storedParameters", StringComparison.Ordinal));
            Assert.Single(commands, c => c.Contains("-- storedParameters: page", StringComparison.Ordinal));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal([.. Enumerable.Range(0, 7).Reverse().Select(i => $$"""{"threshold":{{i}}}""")], forwards);

        var last = (await servers.PostAsync(Query, new { application = "demo", last = 2 }, ada)).Data("storedParameters");
        Assert.Equal(["""{"threshold":1}""", """{"threshold":0}"""], last.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("parameters").GetRawText()));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        var before = (await servers.PostAsync(
            Query, new { application = "demo", last = 2, before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString() }, ada)).Data("storedParameters");
        Assert.Equal(["""{"threshold":3}""", """{"threshold":2}"""], before.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("parameters").GetRawText()));

        var tooMany = await servers.PostAsync(Query, new { application = "demo", first = 6 }, ada);
        Assert.Equal("HC0051", tooMany.ErrorCode);
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task An_images_sets_are_listed_while_the_caller_may_use_it_and_an_application_out_of_reach_is_empty_as_an_unknown_one()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        var image = await servers.CreateImageAsync(maintainer, ImageServers.Unique("Stored"), "DATA_ENGINEER");
        await servers.AddExperimentAsync(engineer, image, """{"steps":4}""", Start);
        await servers.AddExperimentAsync(engineer, "retired-app", """{"steps":5}""", Start);

        var listed = (await servers.PostAsync(Query, new { application = image }, engineer)).Data("storedParameters");
        Assert.Equal("""[{"steps":4}]""", JsonSerializer.Serialize(listed.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("parameters"))));

        await servers.PostAsync(ImageOperations.SetRoles, new { id = image, roles = new[] { "AI_RESEARCHER" } }, maintainer);
        var hidden = (await servers.PostAsync(Query, new { application = image }, engineer)).Data("storedParameters");
        var unknown = (await servers.PostAsync(Query, new { application = "retired-app" }, engineer)).Data("storedParameters");
        const string Empty = """{"totalCount":0,"pageInfo":{"hasNextPage":false,"hasPreviousPage":false,"startCursor":null,"endCursor":null},"nodes":[]}""";
        Assert.Equal(Empty, hidden.GetRawText());
        Assert.Equal(Empty, unknown.GetRawText());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task Sets_made_through_createExperiment_are_read_back_as_the_experiment_stored_them()
    {
        var ada = await servers.SignUpAsync();
        using var http = new Ipp.Graph.Tests.Accounts.GraphQLHttp(servers.Server);
        var created = await WriteFixture.CreateAsync(http, ada, new { application = "demo", name = "Run", parameters = new { mode = "exact", threshold = 4 }, draft = true });
        Assert.Equal(JsonValueKind.Null, created.Data("createExperiment").GetProperty("errors").ValueKind);
        var experiment = created.Data("createExperiment").GetProperty("experiment");

        var set = Assert.Single((await servers.PostAsync(Query, new { application = "demo" }, ada)).Data("storedParameters").GetProperty("nodes").EnumerateArray());

        Assert.Equal(experiment.GetProperty("parameters").GetRawText(), set.GetProperty("parameters").GetRawText());
        Assert.Equal(experiment.GetProperty("id").GetString(), set.GetProperty("experimentId").GetString());
        Assert.Equal(experiment.GetProperty("createdAt").GetString(), set.GetProperty("lastUsedAt").GetString());
    }
}
