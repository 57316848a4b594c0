using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// <c>db.client.operation.duration</c> (s), as OpenTelemetry's database conventions name it: how long each command
/// EF Core ran took, by <c>db.system.name</c> (<c>sqlite</c>, <c>postgresql</c>), <c>db.operation.name</c> (the
/// command's first keyword: <c>SELECT</c>, <c>INSERT</c>, …) and, when it failed, <c>error.type</c>. An EF Core
/// interceptor measures it, so it works alike for every database provider; it does nothing while nobody listens.
/// </summary>
public sealed class DatabaseMetrics : DbCommandInterceptor
{
    /// <summary>The one instance, added to the database's options (<see cref="TelemetryServiceCollectionExtensions"/>).</summary>
    public static readonly DatabaseMetrics Interceptor = new();

    /// <summary>OpenTelemetry's advice for database operations' buckets, in seconds.</summary>
    private static readonly IReadOnlyList<double> Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

    /// <summary>The commands' first keywords recorded as <c>db.operation.name</c>; any other records none.</summary>
    private static readonly string[] Operations =
        ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "PRAGMA", "CREATE", "ALTER", "DROP", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"];

    public static readonly Histogram<double> CommandDuration = ServerTelemetry.Meter.CreateHistogram(
        "db.client.operation.duration",
        "s",
        "Duration of database commands.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private DatabaseMetrics()
    {
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData.Duration, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData.Duration, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData.Duration, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Record(command, eventData.Duration, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Record(DbCommand command, TimeSpan duration, Exception? exception)
    {
        if (!CommandDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "db.system.name", SystemOf(command) } };
        if (OperationOf(command.CommandText) is { } operation)
        {
            tags.Add("db.operation.name", operation);
        }

        if (exception is not null)
        {
            tags.Add("error.type", exception.GetType().FullName);
        }

        CommandDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>The database's name as OpenTelemetry spells it, from the provider's command type.</summary>
    private static string SystemOf(DbCommand command) => command.GetType().FullName switch
    {
        "Microsoft.Data.Sqlite.SqliteCommand" => "sqlite",
        "Npgsql.NpgsqlCommand" => "postgresql",
        _ => "other_sql",
    };

    /// <summary>The command's first keyword when it is one of <see cref="Operations"/> (a constant: no allocation).</summary>
    private static string? OperationOf(string? text)
    {
        var rest = text.AsSpan().TrimStart();
        var length = 0;
        while (length < rest.Length && char.IsAsciiLetter(rest[length]))
        {
            length++;
        }

        var word = rest[..length];
        foreach (var operation in Operations)
        {
            if (word.Equals(operation, StringComparison.OrdinalIgnoreCase))
            {
                return operation;
            }
        }

        return null;
    }
}
