using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Data;
using Ipp.Graph.Picas.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Picas;

/// <summary>
/// Posts the outbox's waiting tokens to the pool, one instance's worker among any number: a token is written under
/// its own id (<c>PUT /{db}/{id}</c>), so when two workers (or a worker after a crash) post the same token, the
/// second gets 409, reads the token there and counts it as posted: the pool holds each token once. A post that fails
/// (the pool down, a 5xx, a refusal) is tried again later, the wait doubling from <c>Picas:RetryDelay</c> up to
/// <c>Picas:OutboxMaxRetryDelay</c>; an unreachable pool ends the round, so the rest wait without a request each.
/// </summary>
internal sealed partial class PicasOutboxWorker(
    IDbContextFactory<IppDbContext> databases,
    CouchDbClient couch,
    PicasOutbox outbox,
    PicasPoolStatus status,
    TimeProvider clock,
    IOptions<PicasOptions> options,
    ILogger<PicasOutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (status.IsSetUp)
                {
                    await PostDueAsync(settings, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database failed: the tokens stay waiting for the next round.
                RoundFailed(logger, exception);
            }

            await outbox.WaitAsync(settings.OutboxPollInterval, stoppingToken);
        }
    }

    private async Task PostDueAsync(PicasOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNowToMillisecond();
        var due = await db.Set<PicasOutboxEntry>().AsNoTracking()
            .Where(entry => entry.PostedAt == null && entry.NextAttemptAt <= now)
            .OrderBy(entry => entry.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var entry in due)
        {
            var result = await PostAsync(entry, cancellationToken);
            var waiting = db.Set<PicasOutboxEntry>().Where(e => e.TokenId == entry.TokenId && e.PostedAt == null);
            if (result.IsOk)
            {
                var postedAt = clock.UtcNowToMillisecond();
                await waiting.ExecuteUpdateAsync(set => set.SetProperty(e => e.PostedAt, postedAt).SetProperty(e => e.LastFailure, (string?)null), cancellationToken);
                continue;
            }

            var attempts = entry.Attempts + 1;
            var next = clock.UtcNowToMillisecond() + Backoff(settings, attempts);
            var failure = result.ToString();
            failure = failure.Length > 500 ? failure[..500] : failure;
            await waiting.ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Attempts, attempts).SetProperty(e => e.NextAttemptAt, next).SetProperty(e => e.LastFailure, failure),
                cancellationToken);
            PostFailed(logger, entry.TokenId, attempts, failure, next);
            if (result.Outcome == CouchOutcome.Unreachable)
            {
                return;
            }
        }
    }

    /// <summary>Writes the token; a 409 is a token already there (read back to be sure), so posted too.</summary>
    private async Task<CouchResult<bool>> PostAsync(PicasOutboxEntry entry, CancellationToken cancellationToken)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(entry.Document) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException exception)
        {
            return CouchResult<bool>.Failed(CouchOutcome.Rejected, "the stored token is not a JSON object: " + exception.Message);
        }

        var put = await couch.PutDocumentAsync(entry.TokenId, document, cancellationToken);
        if (put.Outcome != CouchOutcome.Conflict)
        {
            return put.IsOk ? CouchResult<bool>.Ok(true) : put.As<bool>();
        }

        var there = await couch.GetDocumentAsync(entry.TokenId, cancellationToken);
        return there.IsOk ? CouchResult<bool>.Ok(false) : there.As<bool>();
    }

    private static TimeSpan Backoff(PicasOptions settings, int attempts)
    {
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < settings.OutboxMaxRetryDelay ? delay : settings.OutboxMaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token {TokenId} could not be posted to the pool (attempt {Attempts}: {Failure}); next attempt at {NextAttempt:O}.")]
    private static partial void PostFailed(ILogger logger, string tokenId, int attempts, string failure, DateTime nextAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the token outbox failed; its tokens wait for the next round.")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
