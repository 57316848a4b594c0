using Ipp.Graph.Data;
using Ipp.Graph.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ipp.Graph.Tests.Data;

/// <summary>The hand-written migrations make exactly the database the EF model describes, and the server applies them at start.</summary>
public sealed class DatabaseSchemaTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));

    public DatabaseSchemaTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task MigrationsMakeTheTablesColumnsIndexesAndKeysOfTheModel()
    {
        var migrated = Path.Combine(_folder, "migrated.db");
        var created = Path.Combine(_folder, "created.db");
        await using (var db = Open(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Open(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = Describe(migrated);
        var fromModel = Describe(created);
        Assert.Contains("table users autoincrement=True", fromModel);
        Assert.Contains("sessions column token_hash BLOB notnull=1 pk=0 default=", fromModel);
        Assert.Contains("sessions index ix_sessions_user_id unique=1 (user_id)", fromModel);
        Assert.Contains("sessions foreign key (user_id) -> users(id) on delete CASCADE", fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public async Task TheSnapshotMatchesTheModelSoNoMigrationIsMissing()
    {
        await using var db = Open(Path.Combine(_folder, "snapshot.db"));
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(
            ["20261121150000_Accounts", "20261121170000_Experiments", "20261122100000_StoredBytes", "20261206120000_ParametersWithoutNameFields"],
            db.Database.GetMigrations());
    }

    [Fact]
    public async Task ExperimentsFromBeforeStoredBytesCountTheirTextsAndAnEstimateOfTheirManifest()
    {
        await using var db = Open(Path.Combine(_folder, "upgraded.db"));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261121170000_Experiments");
        // Braces doubled: the text is a format string.
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO users (id, email, normalized_email, password_hash, created_at) VALUES (1, 'ada@example.org', 'ada@example.org', 'x', '2026-11-21');
            INSERT INTO experiments (id, user_id, application_key, name, description, parameters, status, status_changed_at, created_at, input_bytes)
              VALUES (1, 1, 'demo', 'Scans é', NULL, '{{"a":1}}', 'editing', '2026-11-21', '2026-11-21', 150),
                     (2, 1, 'demo', 'Draft', 'Notes', '{{}}', 'editing', '2026-11-21', '2026-11-21', 0);
            INSERT INTO experiment_inputs (experiment_id, parameter, stored_name, original_name, size)
              VALUES (1, 'images', 'a.nii', 'a.nii', 100), (1, 'images', 'b.nii', 'dir/b.nii', 50);
            """);

        await migrator.MigrateAsync();

        // The texts are stored twice (database and manifest), the manifest's keys estimated at 512 + 128 per file.
        var withFiles = 150 + 512 + (2 * (4 + 8 + 7)) + (2 * 128) + (2 * (6 + 5 + 5 + 6 + 5 + 9));
        var draft = 512 + (2 * (4 + 5 + 5 + 2));
        Assert.Equal(
            [withFiles, draft],
            await db.Experiments.OrderBy(e => e.Id).Select(e => e.StoredBytes).ToListAsync());

        await migrator.MigrateAsync("20261121170000_Experiments");
        Assert.Equal(
            [150L, 0L],
            await db.Database.SqlQueryRaw<long>("SELECT input_bytes AS Value FROM experiments ORDER BY id").ToListAsync());
    }

    [Fact]
    public async Task TheServerCreatesTheDatabaseAndItsFolderAndMigratesIt()
    {
        var path = Path.Combine(_folder, "not", "yet", "there", "ipp.db");
        await using var server = await RunningServer.StartAsync($"--ConnectionStrings:Ipp=Data Source={path}");

        Assert.True(File.Exists(path));
        await using var db = Open(path);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IppDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<IppDbContext>().UseSqlite($"Data Source={path}").Options);

    /// <summary>One line per table, column, index and foreign key of the database (EF's own tables left out), sorted.</summary>
    private static List<string> Describe(string path)
    {
        var lines = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var tables = Query(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            var autoincrement = ((string)table[1]!).Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            lines.Add($"table {name} autoincrement={autoincrement}");
            foreach (var column in Query(connection, $"PRAGMA table_info(\"{name}\")"))
            {
                lines.Add($"{name} column {column[1]} {column[2]} notnull={column[3]} pk={column[5]} default={column[4]}");
            }

            foreach (var index in Query(connection, $"PRAGMA index_list(\"{name}\")"))
            {
                var columns = Query(connection, $"PRAGMA index_info(\"{index[1]}\")").Select(column => (string)column[2]!);
                lines.Add($"{name} index {index[1]} unique={index[2]} ({string.Join(", ", columns)})");
            }

            foreach (var key in Query(connection, $"PRAGMA foreign_key_list(\"{name}\")"))
            {
                lines.Add($"{name} foreign key ({key[3]}) -> {key[2]}({key[4]}) on delete {key[6]}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
