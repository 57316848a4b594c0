using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data;

/// <summary>
/// Brings the database up to date when the server starts, before it accepts requests: creates the SQLite file's
/// folder when missing, then applies the migrations not yet applied. Instances starting at once on one PostgreSQL
/// database migrate it once: each waits for <see cref="PostgreSqlMigrationLock"/> before it reads what is pending
/// (EF Core's own lock is taken migration by migration, so two instances could each apply a later one), and those
/// after the first find nothing left to do. A failure stops the start. The server's
/// commands that use the database (<c>users</c>, <c>database migrate</c>) run it first too.
/// </summary>
internal sealed class DatabaseMigrator : IHostedLifecycleService
{
    private readonly IDbContextFactory<IppDbContext> _contexts;
    private readonly DatabaseSettings _settings;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(IDbContextFactory<IppDbContext> contexts, DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
    {
        _contexts = contexts;
        _settings = settings;
        _logger = logger;
    }

    /// <summary>Runs before any hosted service starts, the web server included.</summary>
    public Task StartingAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    /// <summary>Creates the database file's folder when missing and applies the pending migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var migrating = await PostgreSqlMigrationLock.TakeAsync(_settings, cancellationToken);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (_settings.Provider == DatabaseProvider.Sqlite)
        {
            CreateFolderOf(_settings.ConnectionString);
            await HandWrittenMigrations.AdoptAsync(db, _logger, cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            _logger.LogInformation("Applying database migrations: {Migrations}", string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void CreateFolderOf(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
