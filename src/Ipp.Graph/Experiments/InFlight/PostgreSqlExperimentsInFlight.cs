using Ipp.Graph.Data;
using Npgsql;

namespace Ipp.Graph.Experiments.InFlight;

/// <summary>
/// The experiments in flight of instances sharing a PostgreSQL database: a writer holds the experiment's advisory
/// lock (<c>pg_advisory_lock(class, id)</c>) on a connection of its own while it works, so another writer of the
/// experiment, on any instance, waits for it, and every instance sees it in <c>pg_locks</c>. When an instance dies,
/// its connections go and their locks with them: nothing is left marked for ever.
/// </summary>
public sealed class PostgreSqlExperimentsInFlight(DatabaseSettings settings) : IExperimentsInFlight
{
    /// <summary>
    /// The locks' connections come from a pool of their own (another application name is another pool), so writers
    /// waiting for one experiment's lock never take the connections the rest of the server queries with, and a
    /// writer does not pay for a new PostgreSQL session (a process forked and authenticated). A lock is released
    /// before its connection goes back; when that fails, the connection is dropped rather than pooled
    /// (<see cref="Lock"/>): a pooled session would keep the lock.
    /// </summary>
    private readonly string _lockConnectionString = LockConnectionString(settings.ConnectionString);

    /// <summary>The advisory locks' first key ("IPPE"): the experiments' class, apart from any other use of such locks.</summary>
    internal const int LockClass = 0x49505045;

    public async Task<IAsyncDisposable> BeginAsync(long experimentId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_lockConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = Command(connection, "SELECT pg_advisory_lock(@class, @id)", experimentId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Lock(connection, experimentId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> IsInFlightAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // The two-key form shows in pg_locks as classid and objid, with objsubid 2.
        await using var command = Command(
            connection,
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND classid = @class::oid AND objid = @id::oid AND objsubid = 2 AND granted)",
            experimentId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string LockConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName = (builder.ApplicationName ?? "ipp-graph") + " experiment locks";
        return builder.ConnectionString;
    }

    /// <summary>
    /// The experiment's two lock keys: its id's low 31 bits, and the class with its higher bits folded in, so every id
    /// has a pair of its own (ids below 2³¹, the usual, lock as (class, id)).
    /// </summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, long experimentId)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("class", LockClass ^ (int)(experimentId >> 31));
        command.Parameters.AddWithValue("id", (int)(experimentId & int.MaxValue));
        return command;
    }

    /// <summary>
    /// Releases the lock at once, then gives its connection back to the pool. When the release fails, the pool's idle
    /// connections are closed instead of reused (this one among them once it is back): closing the session is what
    /// releases its locks then, as soon as the server notices.
    /// </summary>
    private sealed class Lock(NpgsqlConnection connection, long experimentId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var released = false;
            try
            {
                await using var release = Command(connection, "SELECT pg_advisory_unlock(@class, @id)", experimentId);
                released = await release.ExecuteScalarAsync(CancellationToken.None) is true;
            }
            catch (NpgsqlException)
            {
                // The connection is broken; the pool drops it.
            }
            finally
            {
                if (!released)
                {
                    NpgsqlConnection.ClearPool(connection);
                }

                await connection.DisposeAsync();
            }
        }
    }
}
