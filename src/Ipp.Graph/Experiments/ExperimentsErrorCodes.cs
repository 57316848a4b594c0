namespace Ipp.Graph.Experiments;

/// <summary>
/// The <c>extensions.code</c> values of the experiments' errors.
/// </summary>
public static class ExperimentsErrorCodes
{
    /// <summary>
    /// What the request would store (files, experiment.json, texts) would take the caller over their storage quota
    /// (HTTP 413 when the multipart transport refuses the files as they arrive).
    /// </summary>
    public const string QuotaExceeded = "QUOTA_EXCEEDED";

    /// <summary>No experiment of the caller's has this id (it never existed, was deleted, or is someone else's).</summary>
    public const string ExperimentNotFound = "EXPERIMENT_NOT_FOUND";

    /// <summary>Only a draft (EDITING) can be submitted.</summary>
    public const string ExperimentNotEditable = "EXPERIMENT_NOT_EDITABLE";

    /// <summary>The user has as many experiments as <c>Experiments:MaxPerUser</c> allows.</summary>
    public const string ExperimentLimitReached = "EXPERIMENT_LIMIT_REACHED";

    /// <summary>The backend may be working on the experiment (SUBMITTED or RUNNING): it cannot be deleted now.</summary>
    public const string ExperimentBusy = "EXPERIMENT_BUSY";
}
