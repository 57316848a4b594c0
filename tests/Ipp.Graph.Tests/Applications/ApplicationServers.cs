using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Images;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Applications;

/// <summary>
/// A real server for the tests of applications of both kinds (SQLite, or PostgreSQL with <c>IPP_TEST_POSTGRES</c>):
/// the tests' catalogue (<see cref="WriteFixture.Catalogue"/>), container images made by maintainers over GraphQL,
/// experiments written straight to the database, and EF Core's commands logged so tests can count the queries.
/// </summary>
public sealed class ApplicationServers : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await WriteFixture.StartAsync("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information", "--Applications:StoredParameters:MaxPageSize=5", "--Applications:StoredParameters:DefaultPageSize=5");

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>A new user holding <paramref name="roles"/>, signed in.</summary>
    public Task<WriteUser> SignUpAsync(params string[] roles) => AccessServers.SignUpAsync(Server, roles);

    /// <summary>Runs an operation as <paramref name="user"/> (null: anonymously).</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, WriteUser? user = null)
    {
        using var http = new GraphQLHttp(Server);
        return await http.PostAsync(query, variables, user?.Token);
    }

    /// <summary>Creates an image as <paramref name="maintainer"/> with one optional INTEGER parameter; its global id.</summary>
    public async Task<string> CreateImageAsync(WriteUser maintainer, string name, params string[] roles)
    {
        var parameters = new object[] { new { name = "steps", type = "INTEGER", label = "Steps", min = 1.0, max = 100.0 } };
        var response = await PostAsync(ImageOperations.Create, new { name, path = ImageServers.UniquePath(), roles, parameters }, maintainer);
        var payload = response.Data("createImage");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("image").GetProperty("id").GetString()!;
    }

    /// <summary>Deletes an image as <paramref name="maintainer"/>.</summary>
    public async Task DeleteImageAsync(WriteUser maintainer, string id) =>
        Assert.Equal(id, (await PostAsync(ImageOperations.Delete, new { id }, maintainer)).Data("deleteImage").GetProperty("deletedId").GetString());

    /// <summary>
    /// Writes an experiment row as a creation leaves it (an experiment on an image keeps the image's global id as its
    /// application key); its global id.
    /// </summary>
    public async Task<string> AddExperimentAsync(
        WriteUser owner, string applicationKey, string parametersJson = "{}", DateTime? createdAt = null, ExperimentStatus status = ExperimentStatus.Editing)
    {
        var created = createdAt ?? DateTime.UtcNow;
        var experiment = new Experiment
        {
            UserId = owner.Id,
            ApplicationKey = applicationKey,
            Name = "run",
            ParametersJson = parametersJson,
            Status = status,
            StatusChangedAt = created,
            CreatedAt = created,
        };
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return GlobalId.Encode("Experiment", experiment.Id);
    }

    /// <summary>The SQL of the commands EF Core sent while <paramref name="action"/> ran.</summary>
    public async Task<List<string>> CaptureSqlAsync(Func<Task> action)
    {
        var before = Server.Logs.Entries.Count;
        await action();
        return Server.Logs.Entries.Skip(before)
            .Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("Executed DbCommand", StringComparison.Ordinal))
            .Select(e => e.Message)
            .ToList();
    }
}
