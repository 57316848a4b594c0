using Ipp.Graph.Data;
using Ipp.Graph.Picas.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Picas;

/// <summary>
/// Follows the pool's changes feed from the position stored in <c>picas_feed_positions</c> and hands each changed
/// token to the <see cref="IPicasTokenObserver"/>s, a batch at a time; the position after a batch is stored only once
/// every observer returned for all of it, so a restart (or a failure midway) hands the batch on again instead of
/// missing it. Design documents are passed over; a document of another shape is logged and skipped. Runs only when a
/// pool is configured and an observer is registered; a pool that does not answer is waited for, never a crash.
/// </summary>
internal sealed partial class PicasChangesFollower(
    IDbContextFactory<IppDbContext> databases,
    CouchDbClient couch,
    IEnumerable<IPicasTokenObserver> observers,
    PicasPoolStatus status,
    TimeProvider clock,
    IOptions<PicasOptions> options,
    ILogger<PicasChangesFollower> logger) : BackgroundService
{
    private const int BatchSize = 200;

    private readonly IPicasTokenObserver[] _observers = [.. observers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_observers.Length == 0)
        {
            return;
        }

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var pause = TimeSpan.Zero;
            try
            {
                if (!status.IsSetUp)
                {
                    pause = TimeSpan.FromMilliseconds(200);
                }
                else
                {
                    var since = await PositionAsync(settings.Database, stoppingToken);
                    var changes = await couch.ChangesAsync(since, BatchSize, settings.ChangesWait, stoppingToken);
                    if (!changes.IsOk)
                    {
                        FeedFailed(logger, changes.ToString());
                        pause = settings.RetryDelay + TimeSpan.FromSeconds(1);
                    }
                    else
                    {
                        await HandOnAsync(changes.Value!, stoppingToken);
                        if (changes.Value!.LastSequence != since)
                        {
                            await StorePositionAsync(settings.Database, changes.Value.LastSequence, stoppingToken);
                        }
                    }
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // An observer or the database failed: the same batch is handed on again.
                BatchFailed(logger, exception);
                pause = settings.RetryDelay + TimeSpan.FromSeconds(1);
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, clock, stoppingToken);
            }
        }
    }

    private async Task HandOnAsync(CouchChanges batch, CancellationToken cancellationToken)
    {
        foreach (var change in batch.Changes)
        {
            if (change.Id.StartsWith("_design/", StringComparison.Ordinal))
            {
                continue;
            }

            if (change.Deleted)
            {
                foreach (var observer in _observers)
                {
                    await observer.TokenDeletedAsync(change.Id, cancellationToken);
                }

                continue;
            }

            if (change.Document is null || PicasTokenState.Read(change.Document) is not { } token)
            {
                NotAToken(logger, change.Id);
                continue;
            }

            foreach (var observer in _observers)
            {
                await observer.TokenChangedAsync(token, cancellationToken);
            }
        }
    }

    private async Task<string> PositionAsync(string database, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<PicasFeedPosition>().Where(p => p.Database == database).Select(p => p.Sequence).FirstOrDefaultAsync(cancellationToken) ?? "0";
    }

    private async Task StorePositionAsync(string database, string sequence, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNowToMillisecond();
        var updated = await db.Set<PicasFeedPosition>().Where(p => p.Database == database)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Sequence, sequence).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            db.Set<PicasFeedPosition>().Add(new PicasFeedPosition { Database = database, Sequence = sequence, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance stored the first position meanwhile: the next batch stores over it.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pool's changes feed could not be read ({Failure}); trying again.")]
    private static partial void FeedFailed(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handing on a batch of the pool's changes failed; it is handed on again.")]
    private static partial void BatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The pool's document {Id} is not a token the PiCaS client reads (type token, numeric lock and done, an empty or numeric exit_code): skipped.")]
    private static partial void NotAToken(ILogger logger, string id);
}
