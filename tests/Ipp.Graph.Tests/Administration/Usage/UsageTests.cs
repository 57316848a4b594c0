using System.Text.Json;
using Ipp.Graph.Authorization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Library.Sharing;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Administration.Usage;

/// <summary>
/// <c>User.usage</c> (and <c>User.experimentMail</c>, private alike) over the real server: the owner and holders of
/// <c>users:read</c> read it, counted in one query for a whole list of users; anyone else is refused with the
/// policy's code.
/// </summary>
public sealed class UsageTests
{
    private const string UsageFields = "usage { experiments { status count } experimentCount maxExperiments storedBytes maxStoredBytes }";

    [Fact]
    public async Task The_owner_reads_their_experiments_by_status_and_their_bytes_against_the_limits()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:MaxPerUser=7", "--Experiments:MaxUserBytes=5000", "--Experiments:WatchFolders=false");
        var user = await AccessServers.SignUpAsync(server);
        await SeedAsync(server, user.Id, (ExperimentStatus.Submitted, 100), (ExperimentStatus.Submitted, 20), (ExperimentStatus.Completed, 3), (ExperimentStatus.Failed, 0), (ExperimentStatus.Staging, 400));
        using var http = new GraphQLHttp(server);

        var usage = (await http.PostAsync($"{{ me {{ {UsageFields} }} }}", null, user.Token)).Data("me").GetProperty("usage");

        Assert.Equal(
            """[{"status":"EDITING","count":0},{"status":"SUBMITTED","count":2},{"status":"RUNNING","count":0},{"status":"COMPLETED","count":1},{"status":"FAILED","count":1},{"status":"CANCELLED","count":0}]""",
            usage.GetProperty("experiments").GetRawText());
        Assert.Equal(4, usage.GetProperty("experimentCount").GetInt32());
        Assert.Equal(7, usage.GetProperty("maxExperiments").GetInt32());
        Assert.Equal(5000, usage.GetProperty("maxStoredBytes").GetInt64());
        // What the quota counts: every row's bytes, the one being created included.
        await using var db = await LiveFixture.Databases(server).CreateDbContextAsync();
        Assert.Equal(523, usage.GetProperty("storedBytes").GetInt64());
        Assert.Equal(await UserStoredBytes.SumAsync(db, user.Id, CancellationToken.None), usage.GetProperty("storedBytes").GetInt64());
    }

    [Fact]
    public async Task An_administrator_reads_every_users_usage_counted_in_one_query()
    {
        await using var server = await WriteFixture.StartAsync(
            "--Experiments:WatchFolders=false", "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information");
        var ada = await AccessServers.SignUpAsync(server);
        var bob = await AccessServers.SignUpAsync(server);
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        await SeedAsync(server, ada.Id, (ExperimentStatus.Running, 10));
        await SeedAsync(server, bob.Id, (ExperimentStatus.Editing, 1), (ExperimentStatus.Completed, 2));
        using var http = new GraphQLHttp(server);

        var before = server.Logs.Entries.Count;
        var users = (await http.PostAsync($"{{ users(first: 10) {{ nodes {{ email experimentMail {UsageFields} }} }} }}", null, admin.Token)).Data("users");
        var sql = server.Logs.Entries.Skip(before).Select(entry => entry.Message).Where(message => message.Contains("Executed DbCommand", StringComparison.Ordinal)).ToList();

        var byEmail = users.GetProperty("nodes").EnumerateArray().ToDictionary(node => node.GetProperty("email").GetString()!);
        Assert.Equal(1, byEmail[ada.Email].GetProperty("usage").GetProperty("experimentCount").GetInt32());
        Assert.Equal(10, byEmail[ada.Email].GetProperty("usage").GetProperty("storedBytes").GetInt64());
        Assert.Equal(2, byEmail[bob.Email].GetProperty("usage").GetProperty("experimentCount").GetInt32());
        Assert.Equal(3, byEmail[bob.Email].GetProperty("usage").GetProperty("storedBytes").GetInt64());
        Assert.Equal(0, byEmail[admin.Email].GetProperty("usage").GetProperty("experimentCount").GetInt32());
        Assert.False(byEmail[ada.Email].GetProperty("experimentMail").GetBoolean());
        Assert.Single(sql, command => command.Contains("usage: experiments by status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_user_is_refused_with_the_policys_code_and_their_own_is_read()
    {
        // Everyone reads groups here, so a user meets other users (a group's members) without holding users:read.
        await using var server = await WriteFixture.StartAsync(
            "--Experiments:WatchFolders=false",
            "--Permissions:SignedIn:0=experiments:read",
            "--Permissions:SignedIn:1=experiments:write",
            "--Permissions:SignedIn:2=groups:read");
        var ada = await AccessServers.SignUpAsync(server);
        var bob = await AccessServers.SignUpAsync(server);
        await Sharing.GroupAsync(server, "Lab", ada, bob);
        await SeedAsync(server, bob.Id, (ExperimentStatus.Completed, 2));
        using var http = new GraphQLHttp(server);

        // Bob is Ada's fellow member: she sees his account there, not what he keeps or wants mailed.
        var response = await http.PostAsync($"{{ me {{ groups {{ members {{ email experimentMail {UsageFields} }} }} }} }}", null, ada.Token);

        var members = response.Body.GetProperty("data").GetProperty("me").GetProperty("groups")[0].GetProperty("members").EnumerateArray()
            .ToDictionary(member => member.GetProperty("email").GetString()!);
        Assert.Equal(JsonValueKind.Null, members[bob.Email].GetProperty("usage").ValueKind);
        Assert.Equal(JsonValueKind.Null, members[bob.Email].GetProperty("experimentMail").ValueKind);
        Assert.Equal(0, members[ada.Email].GetProperty("usage").GetProperty("experimentCount").GetInt32());
        Assert.False(members[ada.Email].GetProperty("experimentMail").GetBoolean());
        var errors = response.Body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.Equal(AuthorizationErrorCodes.AuthNotAuthorized, error.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.All(errors, error => Assert.Contains("users:read", error.GetProperty("message").GetString(), StringComparison.Ordinal));
    }

    /// <summary>Inserts experiments of <paramref name="userId"/>, each in its status storing its bytes (no folders: nothing watches them).</summary>
    private static async Task SeedAsync(RunningServer server, long userId, params (ExperimentStatus Status, long Bytes)[] experiments)
    {
        await using var db = await LiveFixture.Databases(server).CreateDbContextAsync();
        foreach (var (status, bytes) in experiments)
        {
            db.Experiments.Add(new Experiment
            {
                UserId = userId,
                ApplicationKey = "demo",
                Name = "seeded",
                ParametersJson = "{}",
                Status = status,
                StatusChangedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                StoredBytes = bytes,
            });
        }

        await db.SaveChangesAsync();
    }
}
