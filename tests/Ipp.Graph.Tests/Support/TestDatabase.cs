using System.Data.Common;
using System.Globalization;
using System.Text;
using Ipp.Graph.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// The database of one test server. The suite runs on SQLite (a file in the test's folder) unless the environment
/// variable <c>IPP_TEST_POSTGRES</c> holds a connection string to a PostgreSQL server whose user may create databases:
/// then each test database is a new database there, dropped when the test ends (test.sh runs the suite both ways).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable naming the PostgreSQL server the suite runs on.</summary>
    public const string PostgresVariable = "IPP_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(string connectionString, string? postgresName)
    {
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    /// <summary>The provider this run of the suite uses.</summary>
    public static DatabaseProvider Provider =>
        string.IsNullOrEmpty(AdminConnectionString) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public string ConnectionString { get; }

    /// <summary>The server's argument naming this database.</summary>
    public string Setting => $"--ConnectionStrings:Ipp={ConnectionString}";

    private static string? AdminConnectionString => Environment.GetEnvironmentVariable(PostgresVariable);

    /// <summary>A new, empty database: <c>ipp.db</c> in <paramref name="folder"/>, or a new PostgreSQL database.</summary>
    public static async Task<TestDatabase> CreateAsync(string folder)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase($"Data Source={Path.Combine(folder, "ipp.db")}", null);
        }

        var name = "ipp_test_" + Guid.NewGuid().ToString("n");
        await AdminAsync($"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(builder.ConnectionString, name);
    }

    /// <summary>An open connection of the test's own, outside the server's pool, for reading or changing rows directly.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = _postgresName is null
            ? new SqliteConnection(ConnectionString + ";Pooling=False")
            : new NpgsqlConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A context of the server's own model on this database, outside any server: to migrate it step by step.</summary>
    public IppDbContext Context() =>
        _postgresName is null
            ? new SqliteIppDbContext(new DbContextOptionsBuilder<SqliteIppDbContext>().UseSqlite(ConnectionString).Options)
            : new PostgreSqlIppDbContext(new DbContextOptionsBuilder<PostgreSqlIppDbContext>().UseNpgsql(ConnectionString).Options);

    /// <summary>Migrates <paramref name="db"/> to the migration just before <paramref name="migration"/> (its name without the date) and gives that one's id.</summary>
    public static async Task<string> MigrateToBeforeAsync(IppDbContext db, string migration)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var previous = migrations[migrations.FindIndex(id => id.EndsWith("_" + migration, StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(previous);
        return previous;
    }

    /// <summary>Runs <paramref name="sql"/>, with <c>@name</c> parameters, and returns the first column of its first row.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Runs <paramref name="sql"/>, with <c>@name</c> parameters.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The rows <paramref name="sql"/> reads, one per line, their values joined by '|' (a null as nothing).</summary>
    public async Task<string> LinesAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, []);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The database's tables (EF's own included), by name.</summary>
    public async Task<List<string>> TableNamesAsync()
    {
        var sql = _postgresName is null
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name";
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, []);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Every row of every table (the migrations' history too), one per line in ordinal order under its table's name,
    /// bytes in hex: to compare a database before and after.
    /// </summary>
    public async Task<string> RowsAsync()
    {
        var text = new StringBuilder();
        foreach (var (table, rows) in await ReadTablesAsync())
        {
            text.Append(table).Append(":\n");
            foreach (var row in rows.Select(values => string.Join('|', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : v))).Order(StringComparer.Ordinal))
            {
                text.Append(row).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Every byte the database holds, as far as a test can see it: SQLite's files (the write-ahead log and free pages
    /// included); on PostgreSQL every value of every row, texts in UTF-8 and bytes as they are.
    /// </summary>
    public async Task<byte[]> StoredBytesAsync()
    {
        var bytes = new List<byte>();
        if (_postgresName is null)
        {
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes.AddRange(copy.ToArray());
            }

            return [.. bytes];
        }

        foreach (var value in (await ReadTablesAsync()).SelectMany(table => table.Rows).SelectMany(row => row))
        {
            bytes.AddRange(value is byte[] raw ? raw : Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }

        return [.. bytes];
    }

    /// <summary>
    /// Makes the database impossible to reach for the server from now on: SQLite's file replaced by a folder,
    /// PostgreSQL's database closed to connections and its sessions ended.
    /// </summary>
    public async Task MakeUnreachableAsync()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }

            Directory.CreateDirectory(path);
            return;
        }

        await AdminAsync($"ALTER DATABASE {_postgresName} ALLOW_CONNECTIONS false");
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_postgresName}'");
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await AdminAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
    }

    private async Task<List<(string Table, List<object?[]> Rows)>> ReadTablesAsync()
    {
        var tables = new List<(string, List<object?[]>)>();
        await using var connection = await OpenAsync();
        foreach (var table in await TableNamesAsync())
        {
            await using var command = Command(connection, $"SELECT * FROM \"{table}\"", []);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            tables.Add((table, rows));
        }

        return tables;
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
