using System.Data.Common;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.RateLimiting;

/// <summary>
/// The counts of instances sharing a PostgreSQL database: each key's window is a row of <c>rate_limit_windows</c>,
/// counted by one statement (an upsert that starts a new window when the last one ended and counts only while the
/// window has room), on the database's clock, so every instance counts against the same limit. Windows that ended
/// an hour ago are swept, at most once a minute per instance.
/// </summary>
public sealed class PostgreSqlAttemptWindows(IDbContextFactory<IppDbContext> databases, TimeProvider clock) : IAttemptWindows
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private const string Count = """
        INSERT INTO rate_limit_windows AS w (key, ends_at, count) VALUES (@key, now() + @window, 1)
        ON CONFLICT (key) DO UPDATE SET
          ends_at = CASE WHEN w.ends_at <= now() THEN now() + @window ELSE w.ends_at END,
          count = CASE WHEN w.ends_at <= now() THEN 1 ELSE w.count + 1 END
        WHERE w.ends_at <= now() OR w.count < @limit
        RETURNING 1
        """;

    private long _nextSweep;

    public async ValueTask<TimeSpan?> TryCountAsync(string key, RateLimitOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await SweepWhenDueAsync(connection, cancellationToken);
        await using var count = Command(connection, Count, ("key", key), ("window", settings.Window), ("limit", settings.PermitLimit));
        if (await count.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return null;
        }

        await using var wait = Command(connection, "SELECT ends_at - now() FROM rate_limit_windows WHERE key = @key", ("key", key));
        return await wait.ExecuteScalarAsync(cancellationToken) is TimeSpan left && left > TimeSpan.Zero ? left : settings.Window;
    }

    private async Task SweepWhenDueAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepInterval.Ticks, due) != due)
        {
            return;
        }

        await using var sweep = Command(connection, "DELETE FROM rate_limit_windows WHERE ends_at < now() - interval '1 hour'");
        await sweep.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
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
}
