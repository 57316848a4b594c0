using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Mail;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// Decides, in the transaction that records a change of status (<see cref="Live.ExperimentEvents"/>), whether its
/// owner is owed a mail: the change ends the experiment (COMPLETED or FAILED), mail is configured, and the
/// experiment's own choice (<see cref="Experiment.MailWhenDone"/>), or else the owner's
/// (<see cref="Accounts.Entities.User.ExperimentMail"/>), says yes. The decision is a row of
/// <c>experiment_mails</c> committed with the event, so it is taken once whatever happens after; the
/// <see cref="ExperimentMailWorker"/> sends it.
/// </summary>
public sealed class ExperimentMailQueue(IMailSender mail)
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    /// <summary>Adds the mail of <paramref name="change"/> (not yet saved) to <paramref name="db"/> when one is owed.</summary>
    public async Task AddIfOwedAsync(IppDbContext db, ExperimentEvent change, CancellationToken cancellationToken)
    {
        if (change.Status is not (ExperimentStatus.Completed or ExperimentStatus.Failed) || !mail.IsConfigured)
        {
            return;
        }

        var owed = await db.Experiments
            .Where(e => e.Id == change.ExperimentId)
            .Select(e => e.MailWhenDone ?? db.Users.Where(u => u.Id == e.UserId).Select(u => u.ExperimentMail).FirstOrDefault())
            .FirstOrDefaultAsync(cancellationToken);
        if (owed)
        {
            // Saved with the event, whose id it takes as its key.
            db.Set<ExperimentMail>().Add(new ExperimentMail { Event = change });
        }
    }

    /// <summary>
    /// Wakes this instance's worker once a change that ends an experiment committed (owed a mail or not: finding none
    /// costs the worker one query).
    /// </summary>
    public void Committed(ExperimentEvent change)
    {
        if (change.Status is ExperimentStatus.Completed or ExperimentStatus.Failed && _queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already by another change.
            }
        }
    }

    /// <summary>Waits until a change was committed here or <paramref name="interval"/> passed.</summary>
    internal Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken) => _queued.WaitAsync(interval, cancellationToken);
}
