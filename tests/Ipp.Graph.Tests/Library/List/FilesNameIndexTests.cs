using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Npgsql;
using static Ipp.Graph.Tests.Library.List.LibraryRows;

namespace Ipp.Graph.Tests.Library.List;

/// <summary>
/// The trigram index the PostgreSQL migration gives the name search (<c>LibraryNameTrigramIndex</c>): made where the
/// server's user may create <c>pg_trgm</c>, and usable by <c>LIKE '%…%'</c>; where it may not (a managed database), the
/// migration still succeeds and the search answers the same without it.
/// </summary>
public sealed class FilesNameIndexTests
{
    private const string IndexName = "ix_library_entries_normalized_name_trgm";

    [PostgreSqlFact]
    public async Task Where_pg_trgm_may_be_created_the_names_get_a_trigram_index_that_a_contains_search_can_read()
    {
        await using var server = await WriteFixture.StartAsync();

        var definition = (string?)await server.Database.ScalarAsync("SELECT indexdef FROM pg_indexes WHERE indexname = @name", ("name", IndexName));

        Assert.Contains("USING gin (normalized_name gin_trgm_ops)", definition, StringComparison.Ordinal);
        // 5,000 entries, one of them named as searched, and the vacuum autovacuum makes after such a write (it moves
        // the rows from the GIN index's pending list, which the migration's index on an empty table gathers them in,
        // into the index proper): the planner reads the trigram index for the search.
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        await server.Database.ExecuteAsync(
            "INSERT INTO library_entries (owner_id, name, normalized_name, kind, size, file_count, created_at, stored_bytes) "
            + "SELECT @owner, 'entry-' || i, CASE i WHEN 77 THEN 'scan-0077' ELSE 'entry-' || i END, 'FILE', 1, 1, now(), 1 "
            + "FROM generate_series(1, 5000) AS i",
            ("owner", ada.Id));
        await server.Database.ExecuteAsync("VACUUM ANALYZE library_entries");
        var plan = new List<string>();
        await using (var connection = await server.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "EXPLAIN SELECT id FROM library_entries WHERE normalized_name LIKE '%scan-00%'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, line => line.Contains($"Bitmap Index Scan on {IndexName}", StringComparison.Ordinal));
    }

    [PostgreSqlFact]
    public async Task Where_the_user_may_not_create_pg_trgm_the_server_migrates_without_the_index_and_the_name_search_answers()
    {
        // A database the server's user does not own, whose public schema it may create tables in, without the
        // database's CREATE right that creating even a trusted extension takes: as a managed database may grant.
        var admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)!;
        var suffix = Guid.NewGuid().ToString("n");
        var (role, database) = ($"ipp_plain_{suffix}", $"ipp_test_{suffix}");
        await AdminAsync(admin, $"CREATE ROLE {role} LOGIN", $"CREATE DATABASE {database}");
        try
        {
            await AdminAsync(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, $"GRANT CREATE ON SCHEMA public TO {role}");
            var plain = new NpgsqlConnectionStringBuilder(admin) { Database = database, Username = role, Pooling = false }.ConnectionString;
            await using (var server = await WriteFixture.StartAsync($"--ConnectionStrings:Ipp={plain}"))
            {
                // The user's role written into this database (the helpers write into the test's own).
                using var http = new GraphQLHttp(server);
                var ada = await WriteFixture.SignUpAsync(http, "ada@example.org");
                await AdminAsync(plain, $"INSERT INTO user_roles (user_id, role) VALUES ({ada.Id}, 'DATA_ENGINEER')");
                ada = ada with { Token = await http.AuthenticateAsync(ada.Email) };
                await AddEntryAsync(server, ada.Id, "Scan-000010.nii");
                await AddEntryAsync(server, ada.Id, "notes.txt");

                Assert.Equal(["Scan-000010.nii"], await NamesAsync(http, ada, where: new { name = new { contains = "SCAN-00" } }));
                Assert.Empty(server.Logs.Errors);
            }

            await using var check = new NpgsqlConnection(plain);
            await check.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm') + (SELECT count(*) FROM pg_indexes WHERE indexname = @name)", check);
            command.Parameters.AddWithValue("name", IndexName);
            Assert.Equal(0L, await command.ExecuteScalarAsync());
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_LibraryNameTrigramIndex'";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
        finally
        {
            await AdminAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task AdminAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
