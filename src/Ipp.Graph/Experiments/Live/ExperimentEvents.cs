using Ipp.Graph.Data;

namespace Ipp.Graph.Experiments.Live;

/// <summary>How every change of an experiment's status is recorded: the row and its event, in one transaction.</summary>
public static class ExperimentEvents
{
    /// <summary>
    /// Sets <paramref name="experiment"/>'s status (tracked by <paramref name="db"/>) and adds the event that
    /// announces it; the caller saves both together, then publishes the event on the <see cref="ExperimentEventHub"/>.
    /// </summary>
    public static ExperimentEvent Add(IppDbContext db, Experiment experiment, ExperimentStatus? previous, DateTime now)
    {
        experiment.StatusChangedAt = now;
        var change = new ExperimentEvent
        {
            ExperimentId = experiment.Id,
            UserId = experiment.UserId,
            Status = experiment.Status,
            PreviousStatus = previous,
            OccurredAt = now,
        };
        db.ExperimentEvents.Add(change);
        return change;
    }
}
