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

    /// <summary>Only a draft (EDITING) can be submitted or edited.</summary>
    public const string ExperimentNotEditable = "EXPERIMENT_NOT_EDITABLE";

    /// <summary>The user has as many experiments as <c>Experiments:MaxPerUser</c> allows.</summary>
    public const string ExperimentLimitReached = "EXPERIMENT_LIMIT_REACHED";

    /// <summary>The backend may be working on the experiment (SUBMITTED or RUNNING): it cannot be deleted now.</summary>
    public const string ExperimentBusy = "EXPERIMENT_BUSY";

    /// <summary>
    /// An experiment on a container image was given an uploaded file; it takes library entries only (its job reads
    /// them from the library's store). The error names the parameter.
    /// </summary>
    public const string UploadNotAccepted = "UPLOAD_NOT_ACCEPTED";

    /// <summary>
    /// An experiment on a container image cannot be submitted: this server has no PiCaS token pool (<c>Picas:Url</c>).
    /// A top-level error; drafts can still be made.
    /// </summary>
    public const string TokenPoolNotConfigured = "TOKEN_POOL_NOT_CONFIGURED";

    /// <summary>An experiment's logs could not be read from the token pool (it is down, or answered garbage): a field error of <c>Experiment.logs</c>.</summary>
    public const string TokenPoolUnavailable = "TOKEN_POOL_UNAVAILABLE";

    // Live outputs and logs (experimentOutputs, experimentLog).

    /// <summary>
    /// This instance follows as many experiment folders as <c>Experiments:LiveFiles:MaxFolderWatches</c> allows: an
    /// <c>experimentOutputs</c> or <c>experimentLog</c> subscription on a waiting or running experiment of the folder
    /// contract is refused until one ends.
    /// </summary>
    public const string LiveFilesLimitReached = "LIVE_FILES_LIMIT_REACHED";

    // Bulk verbs (deleteExperiments, tagExperiments, untagExperiments, cancelExperiments, retryExperiments).

    /// <summary>
    /// A bulk mutation on experiments (<c>deleteExperiments</c>, <c>tagExperiments</c>, <c>untagExperiments</c>,
    /// <c>cancelExperiments</c>, <c>retryExperiments</c>) names more experiments, or more tags, than
    /// <c>Experiments:MaxBulkItems</c>: the request is refused as a whole.
    /// </summary>
    public const string BulkLimitExceeded = "BULK_LIMIT_EXCEEDED";

    // Cancelling and retrying (Experiments/Lifecycle).

    /// <summary>Only a SUBMITTED or RUNNING experiment can be cancelled; the error gives its status.</summary>
    public const string ExperimentNotCancellable = "EXPERIMENT_NOT_CANCELLABLE";

    /// <summary>
    /// Only a FAILED or CANCELLED experiment can be retried; the error gives its status. A CANCELLED one whose job
    /// still runs is <c>EXPERIMENT_BUSY</c> instead, until the job ended.
    /// </summary>
    public const string ExperimentNotRetryable = "EXPERIMENT_NOT_RETRYABLE";
}
