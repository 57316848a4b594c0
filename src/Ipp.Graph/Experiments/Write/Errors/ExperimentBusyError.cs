using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>
/// The backend may be working on the experiment (SUBMITTED or RUNNING, or CANCELLED while its job still runs): it
/// cannot be deleted (or retried) now (<c>EXPERIMENT_BUSY</c>).
/// </summary>
public sealed class ExperimentBusyError(ExperimentStatus status, string message) : MutationError(message)
{
    public ExperimentBusyError(ExperimentStatus status)
        : this(status, $"The experiment is {status.ToApiName()}: the backend may be working on it, so it cannot be deleted until it is COMPLETED or FAILED.")
    {
    }

    public override string Code => ExperimentsErrorCodes.ExperimentBusy;

    /// <summary>The experiment's status.</summary>
    public ExperimentStatus Status { get; } = status;

    /// <summary>A CANCELLED experiment whose job runs on: it cannot be <paramref name="done"/> ("deleted", "retried") until the job ended.</summary>
    public static ExperimentBusyError JobStillRuns(string done) => new(
        ExperimentStatus.Cancelled,
        $"The experiment is CANCELLED but its job still runs (the backend cannot stop it): it cannot be {done} until the job ended.");
}
