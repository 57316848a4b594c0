namespace Ipp.Graph.Experiments.Entities;

/// <summary>
/// Where an experiment is. Except for <see cref="Staging"/>, each is the namespace of the experiment's folder,
/// <c>UPLOAD_FOLDER/&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;</c>, which is the status (the folder contract with the backend).
/// </summary>
public enum ExperimentStatus
{
    /// <summary>
    /// Being created: the row exists but its folder is still being written outside any namespace. Never shown by
    /// the API; a row left in this state by a crash is removed at start.
    /// </summary>
    Staging,

    Editing,
    Submitted,
    Running,
    Completed,
    Failed,

    /// <summary>
    /// Withdrawn by its owner (<c>cancelExperiment</c>): before the backend took it, or while it ran, in which case
    /// the job goes on (neither the folder contract nor the pool can stop it) and how it ends is kept apart from the
    /// status (<see cref="Lifecycle.CancelledJobEnds"/>).
    /// </summary>
    Cancelled,
}

/// <summary>The folder namespaces of the statuses, as the backend writes them, and the column's text.</summary>
public static class ExperimentStatusNames
{
    /// <summary>
    /// The namespaces of the folder contract, in the order a job goes through them; <c>cancelled</c>, which only the
    /// server writes (a folder withdrawn from <c>submitted</c>), last.
    /// </summary>
    public static IReadOnlyList<ExperimentStatus> Namespaces { get; } =
        [ExperimentStatus.Editing, ExperimentStatus.Submitted, ExperimentStatus.Running, ExperimentStatus.Completed, ExperimentStatus.Failed, ExperimentStatus.Cancelled];

    /// <summary>The folder namespace (and stored text) of a status: <c>editing</c>, <c>submitted</c>, ...</summary>
    public static string ToName(this ExperimentStatus status) => status switch
    {
        ExperimentStatus.Staging => "staging",
        ExperimentStatus.Editing => "editing",
        ExperimentStatus.Submitted => "submitted",
        ExperimentStatus.Running => "running",
        ExperimentStatus.Completed => "completed",
        ExperimentStatus.Failed => "failed",
        ExperimentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status as the API writes it: <c>SUBMITTED</c>.</summary>
    public static string ToApiName(this ExperimentStatus status) => status.ToName().ToUpperInvariant();

    /// <summary>The status a folder namespace (or stored text) names; false for any other name.</summary>
    public static bool TryParse(string name, out ExperimentStatus status)
    {
        foreach (var candidate in Enum.GetValues<ExperimentStatus>())
        {
            if (candidate.ToName() == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
