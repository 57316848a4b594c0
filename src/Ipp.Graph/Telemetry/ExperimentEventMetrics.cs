using System.Diagnostics.Metrics;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// The instruments of experiments' status events: each one recorded (its row committed with the status change), and
/// each delivery of one to a live subscription (<c>experimentStatusChanged</c>), both by the new status.
/// </summary>
public static class ExperimentEventMetrics
{
    /// <summary>The attribute naming the status an event records (<c>submitted</c>, <c>completed</c>, …).</summary>
    internal const string StatusAttribute = "ipp.experiment.status";

    /// <summary><c>ipp.experiment.events.recorded</c> ({event}): status changes recorded, by <c>ipp.experiment.status</c>.</summary>
    public static readonly Counter<long> Recorded = ServerTelemetry.Meter.CreateCounter<long>(
        "ipp.experiment.events.recorded",
        "{event}",
        "Changes of experiments' status recorded with their event.");

    /// <summary>
    /// <c>ipp.experiment.events.announced</c> ({event}): events handed to live subscriptions (one per subscription
    /// that receives it), by <c>ipp.experiment.status</c>.
    /// </summary>
    public static readonly Counter<long> Announced = ServerTelemetry.Meter.CreateCounter<long>(
        "ipp.experiment.events.announced",
        "{event}",
        "Status events handed to live subscriptions, one per subscription.");

    /// <summary>Counts an event recorded.</summary>
    public static void OnRecorded(ExperimentEvent change) => Add(Recorded, 1, change);

    /// <summary>Counts an event handed to <paramref name="subscriptions"/> live subscriptions.</summary>
    public static void OnAnnounced(ExperimentEvent change, int subscriptions) => Add(Announced, subscriptions, change);

    private static void Add(Counter<long> counter, int count, ExperimentEvent change)
    {
        if (count > 0 && counter.Enabled)
        {
            counter.Add(count, new KeyValuePair<string, object?>(StatusAttribute, change.Status.ToName()));
        }
    }
}
