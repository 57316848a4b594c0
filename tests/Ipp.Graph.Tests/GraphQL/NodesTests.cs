using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.GraphQL;

/// <summary><c>nodes(ids:)</c> beside <c>node(id:)</c>: in order, null where there is nothing the caller may see, one query per type.</summary>
public sealed class NodesTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    private const string Nodes = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Experiment { name } } }";

    [Fact]
    public async Task Nodes_answers_in_the_order_asked_with_null_for_what_the_caller_may_not_see()
    {
        var ada = await fixture.NewUserAsync();
        var bob = await fixture.NewUserAsync();
        var first = await fixture.AddExperimentAsync(ada, "first");
        var second = await fixture.AddExperimentAsync(ada, "second", ExperimentStatus.Completed);
        var bobs = await fixture.AddExperimentAsync(bob, "bob's");
        var staging = await fixture.AddExperimentAsync(ada, "staging", ExperimentStatus.Staging);
        var secondSpelling = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Experiment:0{first.Id}")).TrimEnd('=');
        string[] ids =
        [
            GlobalIdOf(second), GlobalIdOf(bobs), GlobalIdOf(first), GlobalId.Encode("User", ada.Id), GlobalId.Encode("User", bob.Id),
            GlobalIdOf(staging), secondSpelling, "not an id", GlobalIdOf(second),
        ];

        JsonElement nodes = default;
        var sql = await fixture.CaptureSqlAsync(async () => nodes = (await fixture.Http.PostAsync(Nodes, new { ids }, ada.Token)).Data("nodes"));

        Assert.Equal(
            $$"""[{"__typename":"Experiment","id":"{{GlobalIdOf(second)}}","name":"second"},null,{"__typename":"Experiment","id":"{{GlobalIdOf(first)}}","name":"first"},{"__typename":"User","id":"{{GlobalId.Encode("User", ada.Id)}}"},null,null,null,null,{"__typename":"Experiment","id":"{{GlobalIdOf(second)}}","name":"second"}]""",
            nodes.GetRawText());
        // The experiments of all the ids in one query (the folder watcher may query single experiments meanwhile).
        Assert.Single(sql, command => command.Contains("FROM experiments", StringComparison.Ordinal) && command.Contains(TestDatabase.Provider == DatabaseProvider.Sqlite ? "e.id IN (" : "e.id = ANY (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_caller_gets_a_null_for_each_id()
    {
        var ada = await fixture.NewUserAsync();
        var experiment = await fixture.AddExperimentAsync(ada, "mine");

        var nodes = (await fixture.Http.PostAsync(Nodes, new { ids = new[] { GlobalIdOf(experiment), GlobalId.Encode("User", ada.Id) } })).Data("nodes");

        Assert.Equal("[null,null]", nodes.GetRawText());
    }

    [Fact]
    public async Task More_ids_than_the_setting_allows_are_refused()
    {
        await using var server = await AccountsServer.StartAsync("--Nodes:MaxIds=2");
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        string[] three = [GlobalId.Encode("Experiment", 1), GlobalId.Encode("Experiment", 2), GlobalId.Encode("Experiment", 3)];

        var refused = await http.PostAsync(Nodes, new { ids = three }, token);
        var allowed = await http.PostAsync(Nodes, new { ids = three[..2] }, token);

        Assert.Equal(ServerErrorCodes.MaxNodeIdsExceeded, refused.ErrorCode);
        Assert.Equal("nodes(ids:) takes at most 2 ids; 3 were given.", refused.ErrorMessage);
        Assert.Equal("[null,null]", allowed.Data("nodes").GetRawText());
    }
}
