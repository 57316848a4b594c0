using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ipp.Graph.Data;

/// <summary>
/// The instances' bus on PostgreSQL: one connection per instance listens on every <see cref="IPostgreSqlChannel"/>
/// and hands each notification to its channel; <see cref="NotifyAsync"/> sends one. It listens before the server
/// accepts requests; when the connection is lost it makes a new one, then has every channel catch up on what it
/// missed. Only registered on PostgreSQL.
/// </summary>
public sealed class PostgreSqlNotifications : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, IPostgreSqlChannel> _channels;
    private readonly string _connectionString;
    private readonly ILogger<PostgreSqlNotifications> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _listening = Task.CompletedTask;
    private int _disposed;

    public PostgreSqlNotifications(IEnumerable<IPostgreSqlChannel> channels, DatabaseSettings settings, ILogger<PostgreSqlNotifications> logger)
    {
        _channels = channels.ToDictionary(channel => channel.Name, StringComparer.Ordinal);
        // Its own pool: the listening connection stays open for the process's life and must not count against the
        // pool that serves requests.
        _connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        _logger = logger;
    }

    /// <summary>Sends <paramref name="payload"/> on <paramref name="channel"/>; inside a transaction, when it commits.</summary>
    public static async Task NotifyAsync(IppDbContext db, string channel, string payload, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({channel}, {payload})", cancellationToken);

    /// <summary>Listens before the server accepts requests (after the migrations), so no announcement is missed.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var connection = await ListenAsync(cancellationToken);
        _listening = Task.Run(() => ReceiveAsync(connection, _stopping.Token), CancellationToken.None);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _listening.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops listening; the container may call it twice (as itself and as the hosted service).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            connection.Notification += (_, notification) => Dispatch(notification.Channel, notification.Payload);
            await using var listen = connection.CreateCommand();
            listen.CommandText = string.Concat(_channels.Keys.Select(name => $"LISTEN {name};"));
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for notifications until the server stops, listening again (and catching up) when the connection is lost.</summary>
    private async Task ReceiveAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using (connection)
                {
                    while (true)
                    {
                        await connection.WaitAsync(stopping);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "The database connection that receives the other instances' announcements was lost; connecting again.");
            }

            connection = await ReconnectAsync(stopping);
        }
    }

    private async Task<NpgsqlConnection> ReconnectAsync(CancellationToken stopping)
    {
        while (true)
        {
            await Task.Delay(RetryDelay, stopping);
            NpgsqlConnection? connection = null;
            try
            {
                connection = await ListenAsync(stopping);
                foreach (var channel in _channels.Values)
                {
                    await channel.CatchUpAsync(stopping);
                }

                _logger.LogInformation("Listening to the other instances' announcements again; what was missed meanwhile was read from the database.");
                return connection;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                _logger.LogDebug(exception, "Connecting again failed; retrying.");
            }
        }
    }

    private void Dispatch(string channel, string payload)
    {
        if (_channels.TryGetValue(channel, out var receiver))
        {
            try
            {
                receiver.Receive(payload);
            }
            catch (Exception exception)
            {
                // One bad announcement must not stop the others: it is logged, and its row stays the record.
                _logger.LogError(exception, "An announcement on {Channel} could not be handled.", channel);
            }
        }
    }
}
