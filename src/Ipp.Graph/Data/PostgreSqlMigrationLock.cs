using Npgsql;

namespace Ipp.Graph.Data;

/// <summary>
/// The lock instances take on a PostgreSQL database before they migrate it: a session advisory lock on a connection
/// of its own, released when it is disposed (or when the process dies). Nothing on SQLite, where one process serves
/// the database.
/// </summary>
internal static class PostgreSqlMigrationLock
{
    /// <summary>The advisory lock's key ("IPPM").</summary>
    private const long Key = 0x4950504D;

    /// <summary>Waits for the lock; disposing the result releases it.</summary>
    public static async Task<IAsyncDisposable> TakeAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.PostgreSql)
        {
            return NoLock.Instance;
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection);
            await take.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
