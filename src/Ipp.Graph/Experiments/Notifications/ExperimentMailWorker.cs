using Ipp.Graph.Data;
using Ipp.Graph.Deployment;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// Sends the mails <see cref="ExperimentMailQueue"/> decided, at most once each, whatever instances run and however
/// they stop. A mail is first claimed: <c>UPDATE … SET claimed_by = @instance WHERE event_id IN (…) AND claimed_by IS
/// NULL</c>, committed on its own, so of two instances reaching for one row exactly one gets it (PostgreSQL's second
/// update waits for the first and then finds the condition false; SQLite has one writer). Only then is it sent, and
/// its row deleted. Stopping midway gives the mails of the batch not yet tried back to the queue; the one being sent,
/// or any row this instance claimed and could not delete (it died), is found at its next start, logged and dropped,
/// never sent again: a mail may be lost, never doubled. Each mail's Message-ID is made from its event, so a receiver
/// can tell a duplicate anyway. A send that failed before the mail server was given anything
/// (<see cref="MailNotHandedOverException"/>: the server down, or refusing the envelope for now) cannot have delivered
/// it: its row goes back to the queue, unclaimed, with one more attempt and a <c>not_before</c> from
/// <c>Experiments:Mail:RetryDelay</c>, doubling up to <c>MaxRetryDelay</c>; only rows whose <c>not_before</c> passed
/// are claimed, and after <c>MaxAttempts</c> the mail is dropped with a warning. Any other failure (during or after the
/// message's data, or a permanent refusal) is logged and dropped: it may have gone out.
/// </summary>
public sealed partial class ExperimentMailWorker(
    IDbContextFactory<IppDbContext> databases,
    IMailSender mail,
    ExperimentMailQueue queue,
    ServerSettings server,
    IOptions<ExperimentMailOptions> options,
    TimeProvider clock,
    ILogger<ExperimentMailWorker> logger) : BackgroundService
{
    private readonly string _instance = server.InstanceName;
    private readonly ExperimentMailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.IsConfigured)
        {
            // Nothing is queued without mail (MailStartupNotice says so once).
            return;
        }

        // Before claiming anything: what this instance claims from now on is not left over.
        var leftoversDropped = false;
        while (true)
        {
            try
            {
                if (!leftoversDropped)
                {
                    await DropInterruptedAsync(stoppingToken);
                    leftoversDropped = true;
                }

                int claimed;
                do
                {
                    claimed = await SendBatchAsync(stoppingToken);
                }
                while (claimed == _options.BatchSize);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database away: the mails wait in their table for the next round.
                RoundFailed(logger, exception.GetType().Name, exception.Message);
            }

            try
            {
                await queue.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Drops, logging each, the mails this instance claimed before it last stopped: they may have gone out.</summary>
    private async Task DropInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.Set<ExperimentMail>().Where(m => m.ClaimedBy == _instance)
            .Join(db.ExperimentEvents, m => m.EventId, e => e.Id, (m, e) => new { e.Id, e.ExperimentId, e.Status })
            .ToListAsync(cancellationToken);
        foreach (var mailOf in interrupted)
        {
            Interrupted(logger, mailOf.ExperimentId, mailOf.Status.ToApiName(), mailOf.Id);
        }

        var ids = interrupted.Select(m => m.Id).ToArray();
        await db.Set<ExperimentMail>().Where(m => ids.Contains(m.EventId) && m.ClaimedBy == _instance).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to a batch of unclaimed mails that are due, sends them and deletes their rows (or gives back those to
    /// be tried again); the number claimed.
    /// </summary>
    private async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.UtcNowToMillisecond();
        var candidates = await db.Set<ExperimentMail>().Where(m => m.ClaimedBy == null && (m.NotBefore == null || m.NotBefore <= now))
            .OrderBy(m => m.EventId).Select(m => m.EventId).Take(_options.BatchSize).ToArrayAsync(cancellationToken);
        if (candidates.Length == 0)
        {
            return 0;
        }

        // Due still: another instance may have tried one meanwhile and given it back for later.
        await db.Set<ExperimentMail>().Where(m => candidates.Contains(m.EventId) && m.ClaimedBy == null && (m.NotBefore == null || m.NotBefore <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedBy, _instance).SetProperty(m => m.ClaimedAt, now), cancellationToken);

        // Ours: what this instance claimed and has not finished, which (one worker per instance) is this batch.
        var claimed = await db.Set<ExperimentMail>().Where(m => candidates.Contains(m.EventId) && m.ClaimedBy == _instance)
            .Join(db.ExperimentEvents, m => m.EventId, e => e.Id, (m, e) => new OwedMail(
                e.Id,
                m.Attempts,
                e.ExperimentId,
                e.Status,
                e.OccurredAt,
                db.Experiments.Where(x => x.Id == e.ExperimentId).Select(x => x.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        claimed.Sort((a, b) => a.EventId.CompareTo(b.EventId));
        var tried = 0;
        try
        {
            foreach (var owed in claimed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tried++;
                var retryAt = await SendAsync(owed, cancellationToken);
                var id = owed.EventId;
                var ours = db.Set<ExperimentMail>().Where(m => m.EventId == id && m.ClaimedBy == _instance);
                if (retryAt is null)
                {
                    await ours.ExecuteDeleteAsync(CancellationToken.None);
                }
                else
                {
                    await ours.ExecuteUpdateAsync(
                        set => set.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedAt, (DateTime?)null)
                            .SetProperty(m => m.Attempts, owed.Attempts + 1).SetProperty(m => m.NotBefore, retryAt),
                        CancellationToken.None);
                }
            }
        }
        finally
        {
            // Stopping midway: the mails not yet tried go back to the queue; the one being sent stays claimed (it may
            // have gone out), to be dropped at the next start.
            var untried = claimed.Skip(tried).Select(m => m.EventId).ToArray();
            if (untried.Length > 0)
            {
                await db.Set<ExperimentMail>().Where(m => untried.Contains(m.EventId) && m.ClaimedBy == _instance)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedAt, (DateTime?)null), CancellationToken.None);
            }
        }

        return candidates.Length;
    }

    /// <summary>
    /// Sends one mail; answers when to try it again when it failed before the mail server was given anything and
    /// attempts are left, else null (sent, or dropped: a failure other than stopping is logged).
    /// </summary>
    private async Task<DateTime?> SendAsync(OwedMail owed, CancellationToken cancellationToken)
    {
        if (owed.Name is null || owed.Owner is null)
        {
            Gone(logger, owed.ExperimentId, owed.EventId);
            return null;
        }

        var page = mail.LinkTo($"{_options.LinkPath.TrimEnd('/')}/{GlobalId.Encode(ExperimentsSchema.TypeName, owed.ExperimentId)}");
        try
        {
            await mail.SendAsync(ExperimentEndedMail.For(owed.Owner, owed.EventId, owed.Name, owed.Status, owed.OccurredAt, page), cancellationToken);
            Sent(logger, owed.ExperimentId, owed.Status.ToApiName(), owed.EventId);
            return null;
        }
        catch (MailNotHandedOverException exception) when (!cancellationToken.IsCancellationRequested)
        {
            var cause = exception.InnerException!;
            var attempts = owed.Attempts + 1;
            if (attempts >= _options.MaxAttempts)
            {
                GaveUp(logger, owed.ExperimentId, owed.Status.ToApiName(), owed.EventId, attempts, cause.GetType().Name, cause.Message);
                return null;
            }

            var retryAt = clock.UtcNowToMillisecond() + _options.RetryDelayAfter(attempts);
            WillRetry(logger, owed.ExperimentId, owed.Status.ToApiName(), owed.EventId, attempts, _options.MaxAttempts, retryAt, cause.GetType().Name, cause.Message);
            return retryAt;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // It may have reached the server before failing, or the server refused it for good: not tried again.
            NotSent(logger, owed.ExperimentId, owed.Status.ToApiName(), owed.EventId, exception.GetType().Name, exception.Message);
            return null;
        }
    }

    /// <summary>
    /// A claimed mail: its event, its failed attempts so far, and the experiment's name and owner's address now (null
    /// when deleted since).
    /// </summary>
    private sealed record OwedMail(long EventId, int Attempts, long ExperimentId, ExperimentStatus Status, DateTime OccurredAt, string? Name, string? Owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailed the owner of experiment {ExperimentId} that it is {Status} (event {EventId}).")]
    private static partial void Sent(ILogger logger, long experimentId, string status, long eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mail the owner of experiment {ExperimentId} that it is {Status} (event {EventId}), and will not try again ({Kind}): {Reason}")]
    private static partial void NotSent(ILogger logger, long experimentId, string status, long eventId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give the mail server the mail telling the owner of experiment {ExperimentId} that it is {Status} (event {EventId}), attempt {Attempt} of {MaxAttempts} ({Kind}): {Reason}; trying again from {RetryAt:O}.")]
    private static partial void WillRetry(ILogger logger, long experimentId, string status, long eventId, int attempt, int maxAttempts, DateTime retryAt, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up the mail telling the owner of experiment {ExperimentId} that it is {Status} (event {EventId}): the mail server was not given it in {Attempts} attempts (Experiments:Mail:MaxAttempts); the last failed ({Kind}): {Reason}")]
    private static partial void GaveUp(ILogger logger, long experimentId, string status, long eventId, int attempts, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail telling the owner of experiment {ExperimentId} that it is {Status} (event {EventId}) was being sent when this instance stopped: it is not sent again, so it may not have gone out.")]
    private static partial void Interrupted(ILogger logger, long experimentId, string status, long eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId} or its owner was deleted before the mail of event {EventId} went out: not sent.")]
    private static partial void Gone(ILogger logger, long experimentId, long eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for experiment mails to send ({Kind}): {Reason}")]
    private static partial void RoundFailed(ILogger logger, string kind, string reason);
}
