using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.Experiments;

/// <summary><c>experiment(id:)</c> and <c>node(id:)</c>: the caller's own experiments only, by global id.</summary>
public sealed class ReadExperimentTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    private const string One =
        "query($id: ID!) { experiment(id: $id) { id name description applicationKey status statusChangedAt createdAt parameters owner { email } } }";

    [Fact]
    public async Task The_owner_reads_an_experiment_by_its_global_id()
    {
        var user = await fixture.NewUserAsync();
        var created = new DateTime(2026, 11, 21, 13, 44, 0, 123, DateTimeKind.Utc);
        var experiment = await fixture.AddExperimentAsync(user, "mine", ExperimentStatus.Completed, created, description: "about", statusChangedAt: created.AddMinutes(5));

        var found = (await fixture.Http.PostAsync(One, new { id = GlobalIdOf(experiment) }, user.Token)).Data("experiment");
        Assert.Equal(GlobalIdOf(experiment), found.GetProperty("id").GetString());
        Assert.Equal("mine", found.GetProperty("name").GetString());
        Assert.Equal("about", found.GetProperty("description").GetString());
        Assert.Equal("demo", found.GetProperty("applicationKey").GetString());
        Assert.Equal("COMPLETED", found.GetProperty("status").GetString());
        Assert.Equal("2026-11-21T13:44:00.123Z", found.GetProperty("createdAt").GetString());
        Assert.Equal("2026-11-21T13:49:00.123Z", found.GetProperty("statusChangedAt").GetString());
        Assert.Equal(3, found.GetProperty("parameters").GetProperty("steps").GetInt32());

        var node = (await fixture.Http.PostAsync(
            "query($id: ID!) { node(id: $id) { id ... on Experiment { name } } }", new { id = GlobalIdOf(experiment) }, user.Token)).Data("node");
        Assert.Equal("mine", node.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_users_unknown_staging_or_malformed_ids_find_nothing()
    {
        var owner = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var theirs = await fixture.AddExperimentAsync(owner, "theirs");
        var staging = await fixture.AddExperimentAsync(owner, "staging", ExperimentStatus.Staging);

        string[] ids = [GlobalIdOf(theirs), GlobalId.Encode("Experiment", 999_999), GlobalId.Encode("User", owner.Id), "not an id", ""];
        foreach (var id in ids)
        {
            Assert.Equal(JsonValueKind.Null, (await fixture.Http.PostAsync(One, new { id }, stranger.Token)).Data("experiment").ValueKind);
            Assert.Equal(JsonValueKind.Null, (await fixture.Http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, stranger.Token)).Data("node").ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, (await fixture.Http.PostAsync(One, new { id = GlobalIdOf(staging) }, owner.Token)).Data("experiment").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await fixture.Http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalIdOf(theirs) })).Data("node").ValueKind);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (await fixture.Http.PostAsync(One, new { id = GlobalIdOf(theirs) })).ErrorCode);
    }

    [Fact]
    public async Task Each_user_lists_only_their_own_experiments()
    {
        var ada = await fixture.NewUserAsync();
        var bob = await fixture.NewUserAsync();
        await fixture.AddExperimentAsync(ada, "ada's");
        await fixture.AddExperimentAsync(bob, "bob's");
        await fixture.AddExperimentAsync(ada, "ada's draft", ExperimentStatus.Staging);

        const string all = "{ experiments { totalCount nodes { name owner { email } } } }";
        var adas = (await fixture.Http.PostAsync(all, token: ada.Token)).Data("experiments");
        Assert.Equal(["ada's"], Names(adas));
        Assert.Equal(1, adas.GetProperty("totalCount").GetInt32());
        Assert.Equal(["bob's"], Names((await fixture.Http.PostAsync(all, token: bob.Token)).Data("experiments")));
    }
}
