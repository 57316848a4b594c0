namespace Ipp.Graph.Experiments.Entities;

/// <summary>
/// A change of an experiment's status (table <c>experiment_events</c>), kept so that a subscriber who reconnects
/// receives the changes it missed. Events outlive their experiment: they name it only by id.
/// </summary>
public sealed class ExperimentEvent
{
    /// <summary>The longest <see cref="Reason"/>.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>Increases with every event; the subscription's cursor.</summary>
    public long Id { get; set; }

    public long ExperimentId { get; set; }

    /// <summary>The experiment's owner, whose subscriptions receive the event.</summary>
    public long UserId { get; set; }

    public ExperimentStatus Status { get; set; }

    /// <summary>The status before; null when the experiment was created.</summary>
    public ExperimentStatus? PreviousStatus { get; set; }

    /// <summary>When the change was noticed (UTC).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Why the status changed, when known (an exit code, a pilot killed, who cancelled); null otherwise.</summary>
    public string? Reason { get; set; }
}
