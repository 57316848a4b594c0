using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Data;
using Ipp.Graph.Picas.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Picas;

/// <summary>
/// Posts the outbox's waiting tokens to the pool, one instance's worker among any number, up to
/// <c>Picas:OutboxBatchSize</c> in one request and batch after batch while tokens are due. A token is written under
/// its own id, so when two workers (or a worker after a crash) post the same token, the second gets a conflict, reads
/// the token there and counts it as posted: the pool holds each token once. A post that fails (the pool down, a 5xx,
/// a refusal) is tried again later, the wait doubling from <c>Picas:RetryDelay</c> up to
/// <c>Picas:OutboxMaxRetryDelay</c>; a batch the pool did not take ends the round, so the rest wait without a request.
/// A row withheld while its post was on the way (<see cref="PicasOutbox.TryWithholdAsync"/>) stays withheld whatever
/// the post's outcome: a failure is not counted on it, and a token that was written is taken back out of the pool.
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

    /// <summary>Posts due tokens, batch after batch, until none is due or the pool fails a whole batch.</summary>
    private async Task PostDueAsync(PicasOptions settings, CancellationToken cancellationToken)
    {
        while (await PostBatchAsync(settings, cancellationToken))
        {
        }
    }

    /// <summary>
    /// Posts up to a batch of due tokens in one request (<c>_bulk_docs</c>), each under its own id; a token already
    /// there (a conflict) is read back and counts as posted. True when the batch was full and went, so more may be due.
    /// </summary>
    private async Task<bool> PostBatchAsync(PicasOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNowToMillisecond();
        var due = await db.Set<PicasOutboxEntry>().AsNoTracking()
            .Where(entry => entry.PostedAt == null && entry.NextAttemptAt <= now)
            .OrderBy(entry => entry.NextAttemptAt)
            .Take(settings.OutboxBatchSize)
            .ToListAsync(cancellationToken);
        var sent = new List<PicasOutboxEntry>(due.Count);
        var documents = new List<JsonObject>(due.Count);
        foreach (var entry in due)
        {
            if (Document(entry) is { } document)
            {
                sent.Add(entry);
                documents.Add(document);
            }
            else
            {
                await RecordFailureAsync(db, settings, entry, $"{CouchOutcome.Rejected}: the stored token is not a JSON object", cancellationToken);
            }
        }

        if (sent.Count == 0)
        {
            return due.Count == settings.OutboxBatchSize;
        }

        var written = await couch.WriteNewDocumentsAsync(documents, cancellationToken);
        if (!written.IsOk)
        {
            // Nothing is known to be written (the pool down, a 5xx after the retries): the whole batch waits.
            foreach (var entry in sent)
            {
                await RecordFailureAsync(db, settings, entry, written.ToString(), cancellationToken);
            }

            return false;
        }

        var posted = new List<string>(sent.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var outcome = written.Value![i];
            var failure = outcome.Outcome switch
            {
                CouchOutcome.Ok => null,
                CouchOutcome.Conflict => await ThereAlreadyAsync(sent[i].TokenId, cancellationToken),
                _ => $"{outcome.Outcome}: {outcome.Reason}",
            };
            if (failure is null)
            {
                posted.Add(sent[i].TokenId);
            }
            else
            {
                await RecordFailureAsync(db, settings, sent[i], failure, cancellationToken);
            }
        }

        var postedAt = clock.UtcNowToMillisecond();
        await db.Set<PicasOutboxEntry>().Where(e => posted.Contains(e.TokenId) && e.PostedAt == null && e.NextAttemptAt != PicasOutbox.Never)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.PostedAt, postedAt).SetProperty(e => e.LastFailure, (string?)null), cancellationToken);
        var withheld = await db.Set<PicasOutboxEntry>().AsNoTracking()
            .Where(e => posted.Contains(e.TokenId) && e.PostedAt == null && e.NextAttemptAt == PicasOutbox.Never)
            .Select(e => e.TokenId)
            .ToListAsync(cancellationToken);
        foreach (var tokenId in withheld)
        {
            await TakeBackAsync(tokenId, cancellationToken);
        }

        return due.Count == settings.OutboxBatchSize;
    }

    /// <summary>
    /// Deletes a token this worker wrote though its row was withheld while the post was on the way (the row then
    /// stays withheld, for a retry to post again), unless a pilot claimed it meanwhile: that job runs, and whoever
    /// withheld it hears of its end through the feed.
    /// </summary>
    private async Task TakeBackAsync(string tokenId, CancellationToken cancellationToken)
    {
        var read = await couch.GetDocumentAsync(tokenId, cancellationToken);
        if (read.Outcome == CouchOutcome.NotFound)
        {
            return;
        }

        string outcome;
        if (!read.IsOk)
        {
            outcome = read.ToString();
        }
        else if (PicasTokenState.Read(read.Value!) is { Lock: 0, Done: 0 } waiting)
        {
            outcome = (await couch.DeleteDocumentAsync(tokenId, waiting.Revision, cancellationToken)).ToString();
        }
        else
        {
            outcome = "claimed meanwhile: its job runs";
        }

        TakenBack(logger, tokenId, outcome);
    }

    /// <summary>The token to write, under its id; null when the stored text is no JSON object.</summary>
    private static JsonObject? Document(PicasOutboxEntry entry)
    {
        try
        {
            if (JsonNode.Parse(entry.Document) is JsonObject document)
            {
                document["_id"] = entry.TokenId;
                return document;
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>After a conflict: null when the token is there (posted before), else why it could not be read.</summary>
    private async Task<string?> ThereAlreadyAsync(string tokenId, CancellationToken cancellationToken)
    {
        var there = await couch.GetDocumentAsync(tokenId, cancellationToken);
        return there.IsOk ? null : there.ToString();
    }

    /// <summary>
    /// Counts a failed attempt on the entry, which waits longer each time, and logs it. Only a row as the worker read
    /// it is changed: one withheld (<see cref="PicasOutbox.TryWithholdAsync"/>), made due again, or counted by another
    /// worker while this post was on its way keeps what was written since; else a cancel during a slow post would be
    /// undone and its token posted at the next attempt.
    /// </summary>
    private async Task RecordFailureAsync(IppDbContext db, PicasOptions settings, PicasOutboxEntry entry, string failure, CancellationToken cancellationToken)
    {
        var attempts = entry.Attempts + 1;
        var next = clock.UtcNowToMillisecond() + Backoff(settings, attempts);
        failure = failure.Length > 500 ? failure[..500] : failure;
        var counted = await db.Set<PicasOutboxEntry>()
            .Where(e => e.TokenId == entry.TokenId && e.PostedAt == null && e.NextAttemptAt == entry.NextAttemptAt && e.Attempts == entry.Attempts)
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Attempts, attempts).SetProperty(e => e.NextAttemptAt, next).SetProperty(e => e.LastFailure, failure),
                cancellationToken) > 0;
        if (counted)
        {
            PostFailed(logger, entry.TokenId, attempts, failure, next);
        }
        else
        {
            PostFailedUncounted(logger, entry.TokenId, failure);
        }
    }

    private static TimeSpan Backoff(PicasOptions settings, int attempts)
    {
        var delay = settings.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < settings.OutboxMaxRetryDelay ? delay : settings.OutboxMaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token {TokenId} could not be posted to the pool (attempt {Attempts}: {Failure}); next attempt at {NextAttempt:O}.")]
    private static partial void PostFailed(ILogger logger, string tokenId, int attempts, string failure, DateTime nextAttempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token {TokenId} could not be posted to the pool ({Failure}); its row changed meanwhile (withheld, made due again, or counted by another worker), so this attempt is not counted.")]
    private static partial void PostFailedUncounted(ILogger logger, string tokenId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token {TokenId} was withheld while its post was on the way; taking it back out of the pool: {Outcome}.")]
    private static partial void TakenBack(ILogger logger, string tokenId, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the token outbox failed; its tokens wait for the next round.")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
