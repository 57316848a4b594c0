using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// One real server for a class of read-side tests (each test signs up its own users, so tests do not see each
/// other's experiments), with EF Core's commands logged so tests can read the SQL it sent.
/// </summary>
public sealed class ReadServer : IAsyncLifetime
{
    private int _users;

    public RunningServer Server { get; private set; } = null!;

    public GraphQLHttp Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await AccountsServer.StartAsync(
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information",
            "--Experiments:MaxPageSize=20");
        Http = new GraphQLHttp(Server);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Signs up a new user: their token and database id.</summary>
    public async Task<ReadUser> NewUserAsync()
    {
        var email = $"reader{Interlocked.Increment(ref _users)}-{Guid.NewGuid():n}@example.org";
        var response = await Http.PostAsync(Operations.CreateUser, new { email, password = "correct horse battery" });
        var created = response.Data("createUser");
        Assert.True(GlobalId.TryDecode(created.GetProperty("user").GetProperty("id").GetString()!, "User", out var userId));
        return new ReadUser(userId, created.GetProperty("token").GetString()!);
    }

    /// <summary>Inserts an experiment row as the write side leaves it (with its inputs) and creates its folder.</summary>
    public async Task<Experiment> AddExperimentAsync(
        ReadUser owner,
        string name,
        ExperimentStatus status = ExperimentStatus.Submitted,
        DateTime? createdAt = null,
        string applicationKey = "demo",
        string? description = null,
        DateTime? statusChangedAt = null,
        params ExperimentInput[] inputs)
    {
        var created = createdAt ?? DateTime.UtcNow;
        var experiment = new Experiment
        {
            UserId = owner.Id,
            ApplicationKey = applicationKey,
            Name = name,
            Description = description,
            ParametersJson = """{"steps":3}""",
            Status = status,
            CreatedAt = created,
            StatusChangedAt = statusChangedAt ?? created,
            StoredBytes = inputs.Sum(i => i.Size),
            Inputs = [.. inputs],
        };
        var databases = Server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
        }

        if (status != ExperimentStatus.Staging)
        {
            var folder = FolderOf(experiment);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "experiment.json"), "{}");
            foreach (var input in inputs)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, input.StoredName), new byte[input.Size]);
            }
        }

        return experiment;
    }

    /// <summary>The experiment's folder under the folder contract.</summary>
    public string FolderOf(Experiment experiment) =>
        Server.Services.GetRequiredService<UploadFolder>().ExperimentPath(experiment.UserId, experiment.Status, experiment.Id);

    /// <summary>
    /// The SQL of the commands EF Core sent while <paramref name="action"/> ran, names unquoted (SQLite quotes every
    /// name, PostgreSQL only those that need it).
    /// </summary>
    public async Task<List<string>> CaptureSqlAsync(Func<Task> action)
    {
        var before = Server.Logs.Entries.Count;
        await action();
        return Server.Logs.Entries.Skip(before)
            .Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && e.Message.Contains("Executed DbCommand", StringComparison.Ordinal))
            .Select(e => e.Message.Replace("\"", "", StringComparison.Ordinal))
            .ToList();
    }
}

/// <summary>A signed-up user of the tests.</summary>
public sealed record ReadUser(long Id, string Token);

/// <summary>Reading responses of the read-side tests.</summary>
public static class ReadJson
{
    public static string GlobalIdOf(Experiment experiment) => GlobalId.Encode("Experiment", experiment.Id);

    /// <summary>The names of <c>nodes</c> of an experiments connection.</summary>
    public static string[] Names(JsonElement connection, string list = "nodes") =>
        connection.GetProperty(list).EnumerateArray()
            .Select(n => (list == "edges" ? n.GetProperty("node") : n).GetProperty("name").GetString()!)
            .ToArray();
}
