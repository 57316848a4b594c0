using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// A mail owed for one change of status (table <c>experiment_mails</c>): added in the transaction that records the
/// change (<see cref="ExperimentMailQueue"/>), claimed by one instance's <see cref="ExperimentMailWorker"/> before it
/// sends, and deleted once sent. A row claimed and still here after its instance stopped is not sent again. A send
/// that failed before the mail server was given anything puts the row back, unclaimed, with one more
/// <see cref="Attempts"/> and a later <see cref="NotBefore"/>.
/// </summary>
public sealed class ExperimentMail
{
    /// <summary>The longest <see cref="ClaimedBy"/>: an instance's name.</summary>
    public const int ClaimedByMaxLength = 64;

    /// <summary>The event the mail tells of: also the mail's identity (its Message-ID is made from it).</summary>
    public long EventId { get; set; }

    /// <summary>The event, when the row is added with it (so that both are saved together).</summary>
    public ExperimentEvent? Event { get; set; }

    /// <summary>The name (<c>Server:InstanceId</c>) of the instance sending it; null while nobody has claimed it.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When it was claimed (UTC); null while nobody has.</summary>
    public DateTime? ClaimedAt { get; set; }

    /// <summary>The sends that failed before the mail server was given anything (0 until one did).</summary>
    public int Attempts { get; set; }

    /// <summary>When it may be claimed again after such a failure (UTC); null: at once.</summary>
    public DateTime? NotBefore { get; set; }
}
