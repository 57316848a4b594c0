using Ipp.Graph.Data;
using Ipp.Graph.Experiments;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Applications;

/// <summary><c>Experiment.application</c>: the catalogue's application for the experiment's key, null when it has none.</summary>
public sealed class ExperimentApplicationTests
{
    private const string Query =
        "query($id: ID!) { node(id: $id) { ... on Experiment { applicationKey application { key label fields { name } } } } }";

    [Fact]
    public async Task An_experiment_shows_its_application_from_the_catalogue_or_null_when_the_catalogue_has_none()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        var known = await AddExperimentAsync(server, "ada@example.org", "pair-registration");
        var unknown = await AddExperimentAsync(server, "ada@example.org", "retired-app");

        var shown = (await http.PostAsync(Query, new { id = GlobalId.Encode(ExperimentsSchema.TypeName, known) }, token)).Data("node");
        Assert.Equal(
            """{"applicationKey":"pair-registration","application":{"key":"pair-registration","label":"Pairwise registration","fields":[{"name":"fixed"},{"name":"moving"},{"name":"transform"},{"name":"iterations"},{"name":"smoothing"},{"name":"outputPrefix"}]}}""",
            shown.GetRawText());
        var missing = (await http.PostAsync(Query, new { id = GlobalId.Encode(ExperimentsSchema.TypeName, unknown) }, token)).Data("node");
        Assert.Equal("""{"applicationKey":"retired-app","application":null}""", missing.GetRawText());
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>An editing experiment of the user, written straight to the database; its eid.</summary>
    private static async Task<long> AddExperimentAsync(RunningServer server, string email, string applicationKey)
    {
        var databases = server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var now = DateTime.UtcNow;
        var experiment = new Experiment
        {
            UserId = user.Id,
            ApplicationKey = applicationKey,
            Name = "run",
            ParametersJson = "{}",
            Status = ExperimentStatus.Editing,
            StatusChangedAt = now,
            CreatedAt = now,
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    }
}
