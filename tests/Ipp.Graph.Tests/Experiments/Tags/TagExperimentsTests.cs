using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Picas.Experiments;
using static Ipp.Graph.Tests.Experiments.Bulk.BulkOperations;
using static Ipp.Graph.Tests.Library.List.LibraryRows;

namespace Ipp.Graph.Tests.Experiments.Tags;

/// <summary>
/// tagExperiments and untagExperiments over the real server: the owner's experiments of both routes (a catalogue
/// application's folder, a container image's token) take and lose tags whatever their status; each experiment is
/// reported on its own (another user's, an unknown id: not found, the others changed; a repeated id once); a tag the
/// caller may not use, or more experiments or tags than <c>Experiments:MaxBulkItems</c>, refuses the whole request.
/// </summary>
public sealed class TagExperimentsTests
{
    [Fact]
    public async Task The_owner_tags_and_untags_experiments_of_both_routes_whatever_their_status()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        var mri = await AddTagAsync(server, null, "mri");
        using var http = new GraphQLHttp(server);
        var draft = Created(await CreateAsync(http, ada, new { application = "demo", name = "draft", draft = true, tags = new[] { IdOf(raw) } }));
        var submitted = Created(await CreateAsync(http, ada, new { application = "demo", name = "submitted" }));
        var image = Created(await CreateAsync(http, ada, new { application = await CreateImageAsync(http, maintainer), name = "on an image", draft = true }));

        var events = (await WriteFixture.EventsAsync(server)).Count;

        var tagged = (await http.PostAsync(Tag, new { experiments = new[] { draft, submitted, image }, tags = new[] { IdOf(raw), IdOf(mri) } }, ada.Token))
            .Data("tagExperiments");

        Assert.Equal([(draft, null), (submitted, null), (image, null)], Outcomes(tagged));
        Assert.Equal([["mri", "raw"], ["mri", "raw"], ["mri", "raw"]], TagNames(tagged));
        Assert.Equal(["EDITING", "SUBMITTED", "EDITING"], tagged.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("experiment").GetProperty("status").GetString()));
        var untagged = (await http.PostAsync(Untag, new { experiments = new[] { submitted, image }, tags = new[] { IdOf(raw) } }, ada.Token)).Data("untagExperiments");
        Assert.Equal([(submitted, null), (image, null)], Outcomes(untagged));
        Assert.Equal([["mri"], ["mri"]], TagNames(untagged));
        var read = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on Experiment { tags { name } runsThrough } } }", new { id = image }, ada.Token);
        Assert.Equal("TOKEN_POOL", read.Data("node").GetProperty("runsThrough").GetString());
        Assert.Equal(["mri"], read.Data("node").GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var rows = await ExperimentTagsAsync(server);
        Assert.Equal(new[] { raw.Id, mri.Id }.Order(), rows[Eid(draft)]);
        Assert.Equal([mri.Id], rows[Eid(submitted)]);
        Assert.Equal([mri.Id], rows[Eid(image)]);
        // Tags are no change of status: no event was recorded by them.
        Assert.Equal(events, (await WriteFixture.EventsAsync(server)).Count);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Another_users_experiment_an_unknown_id_and_a_repeated_one_are_reported_on_their_own_while_the_others_change()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        using var http = new GraphQLHttp(server);
        var first = WriteFixture.IdOf(await WriteFixture.CreateDraftAsync(http, ada, "first"));
        var second = WriteFixture.IdOf(await WriteFixture.CreateDraftAsync(http, ada, "second"));
        var bobs = WriteFixture.IdOf(await WriteFixture.CreateDraftAsync(http, bob, "bob's"));
        var gone = WriteFixture.IdOf(long.MaxValue);
        string[] named = [first, bobs, "not an id", gone, first, second];

        var tagged = (await http.PostAsync(Tag, new { experiments = named, tags = new[] { IdOf(raw) } }, ada.Token)).Data("tagExperiments");

        (string?, string?)[] expected = [(first, null), (bobs, "EXPERIMENT_NOT_FOUND"), ("not an id", "EXPERIMENT_NOT_FOUND"), (gone, "EXPERIMENT_NOT_FOUND"), (second, null)];
        Assert.Equal(expected, Outcomes(tagged));
        var notFound = tagged.GetProperty("results")[1];
        Assert.Equal(JsonValueKind.Null, notFound.GetProperty("experiment").ValueKind);
        Assert.Equal(bobs, notFound.GetProperty("errors")[0].GetProperty("id").GetString());
        Assert.Equal([["raw"], [], [], [], ["raw"]], TagNames(tagged));
        var rows = await ExperimentTagsAsync(server);
        Assert.Equal([Eid(first), Eid(second)], rows.Keys.Order());

        // Untagging reports alike, and bob's experiment keeps what it has.
        await http.PostAsync(Tag, new { experiments = new[] { bobs }, tags = new[] { IdOf(await AddTagAsync(server, bob.Id, "bob's")) } }, bob.Token);
        var untagged = (await http.PostAsync(Untag, new { experiments = named, tags = new[] { IdOf(raw) } }, ada.Token)).Data("untagExperiments");
        Assert.Equal(expected, Outcomes(untagged));
        Assert.Equal([Eid(bobs)], (await ExperimentTagsAsync(server)).Keys);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_tag_the_caller_may_not_use_refuses_the_whole_request_and_changes_nothing()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        var bobs = await AddTagAsync(server, bob.Id, "bob's");
        using var http = new GraphQLHttp(server);
        var draft = WriteFixture.IdOf(await WriteFixture.CreateDraftAsync(http, ada));
        await http.PostAsync(Tag, new { experiments = new[] { draft }, tags = new[] { IdOf(raw) } }, ada.Token);
        var before = await server.Database.RowsAsync();

        foreach (var mutation in new[] { (Tag, "tagExperiments"), (Untag, "untagExperiments") })
        {
            foreach (var tag in new[] { IdOf(bobs), NoTag, "not an id" })
            {
                var error = (await http.PostAsync(mutation.Item1, new { experiments = new[] { draft }, tags = new[] { IdOf(raw), tag } }, ada.Token)).PayloadError(mutation.Item2);
                Assert.Equal(("TAG_NOT_FOUND", tag), (error.GetProperty("code").GetString(), error.GetProperty("id").GetString()));
            }
        }

        Assert.Equal(before, await server.Database.RowsAsync());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task More_experiments_or_tags_than_the_setting_allows_refuse_the_whole_request()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:MaxBulkItems=2");
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        var mri = await AddTagAsync(server, ada.Id, "mri");
        using var http = new GraphQLHttp(server);
        var draft = WriteFixture.IdOf(await WriteFixture.CreateDraftAsync(http, ada));
        var before = await server.Database.RowsAsync();

        // Counted as named, a repeated id too.
        var experiments = (await http.PostAsync(Tag, new { experiments = new[] { draft, draft, draft }, tags = new[] { IdOf(raw) } }, ada.Token)).PayloadError("tagExperiments");
        Assert.Equal(("BULK_LIMIT_EXCEEDED", 2), (experiments.GetProperty("code").GetString(), experiments.GetProperty("maxItems").GetInt32()));
        Assert.Equal("At most 2 experiments can be named at once; 3 were. Nothing was changed.", experiments.GetProperty("message").GetString());
        var tags = (await http.PostAsync(Untag, new { experiments = new[] { draft }, tags = new[] { IdOf(raw), IdOf(mri), IdOf(raw) } }, ada.Token)).PayloadError("untagExperiments");
        Assert.Equal("At most 2 tags can be named at once; 3 were. Nothing was changed.", tags.GetProperty("message").GetString());
        var deletion = (await http.PostAsync(Delete, new { ids = new[] { draft, draft, draft } }, ada.Token)).PayloadError("deleteExperiments");
        Assert.Equal(("BULK_LIMIT_EXCEEDED", 2), (deletion.GetProperty("code").GetString(), deletion.GetProperty("maxItems").GetInt32()));
        Assert.Equal(before, await server.Database.RowsAsync());

        var atTheLimit = (await http.PostAsync(Tag, new { experiments = new[] { draft, draft }, tags = new[] { IdOf(raw), IdOf(mri) } }, ada.Token)).Data("tagExperiments");
        Assert.Equal([(draft, null)], Outcomes(atTheLimit));
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>A new image AI_RESEARCHERs may use, with one optional text parameter; its global id.</summary>
    private static async Task<string> CreateImageAsync(GraphQLHttp http, WriteUser maintainer)
    {
        var response = await http.PostAsync(
            "mutation($parameters: [ImageParameterInput!]!) { createImage(input: {name: \"tool\", path: \"/images/tool.sif\", roles: [AI_RESEARCHER], parameters: $parameters}) { image { id } } }",
            new { parameters = new[] { new { name = "text", type = "STRING", required = false, max = 20 } } },
            maintainer.Token);
        return response.Data("createImage").GetProperty("image").GetProperty("id").GetString()!;
    }

    private static async Task<GraphQLResponse> CreateAsync(GraphQLHttp http, WriteUser user, object input) =>
        await http.PostAsync("mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } errors { __typename ... on Error { code message } } } }", new { input }, user.Token);

    private static string Created(GraphQLResponse created) => created.Data("createExperiment").GetProperty("experiment").GetProperty("id").GetString()!;

    private static long Eid(string id) => TokenPoolServer.DecodeExperiment(id);
}
