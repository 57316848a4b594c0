using Ipp.Graph.Data;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Data;

/// <summary>
/// <c>database migrate</c>, run as an operator runs it before starting instances, on the suite's provider; and
/// instances migrating an empty database at once do it once.
/// </summary>
public sealed class DatabaseCommandTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ipp-graph-tests-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(_folder);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task MigrateAppliesEveryMigrationAndAgainNothing()
    {
        var first = await ServerAssembly.RunAsync("database", "migrate", _database.Setting);
        var again = await ServerAssembly.RunAsync("database", "migrate", _database.Setting);

        Assert.Equal((0, ""), (first.ExitCode, first.Output));
        Assert.Contains("Applying database migrations: ", first.Error, StringComparison.Ordinal);
        Assert.Equal((0, ""), (again.ExitCode, again.Output));
        Assert.DoesNotContain("Applying database migrations", again.Error, StringComparison.Ordinal);
        Assert.Equal(await AllMigrationsAsync(), await AppliedMigrationsAsync());
    }

    [Fact]
    public async Task InstancesMigratingAnEmptyDatabaseAtOnceDoItOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerAssembly.RunAsync("database", "migrate", _database.Setting)));

        Assert.All(runs, run => Assert.Equal((0, ""), (run.ExitCode, run.Output)));
        Assert.Equal(await AllMigrationsAsync(), await AppliedMigrationsAsync());
        await using var server = await RunningServer.StartAsync(_database.Setting);
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Message.Contains("Applying database migrations", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData]
    [InlineData("upgrade")]
    [InlineData("migrate", "now")]
    public async Task BadUsageIsRefusedBeforeAnythingIsOpened(params string[] arguments)
    {
        using var error = new StringWriter();

        Assert.Equal(2, await DatabaseCommand.RunAsync(arguments, error));
        Assert.Equal(DatabaseCommand.Usage + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task ADatabaseThatCannotBeReachedIsAClearError()
    {
        var result = await ServerAssembly.RunAsync("database", "migrate", $"--ConnectionStrings:Ipp=Host={Path.Combine(_folder, "no-server")};Username=ipp;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The database could not be migrated: ", result.Error, StringComparison.Ordinal);
    }

    private static async Task<List<string>> AllMigrationsAsync()
    {
        await using IppDbContext db = TestDatabase.Provider == DatabaseProvider.Sqlite
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        return [.. db.Database.GetMigrations()];
    }

    /// <summary>The migrations the database's history records as applied.</summary>
    private async Task<List<string>> AppliedMigrationsAsync()
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
