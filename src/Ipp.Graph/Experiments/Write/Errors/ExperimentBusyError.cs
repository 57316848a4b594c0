using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>The backend may be working on the experiment (SUBMITTED or RUNNING): it cannot be deleted now (<c>EXPERIMENT_BUSY</c>).</summary>
public sealed class ExperimentBusyError(ExperimentStatus status) : MutationError(
    $"The experiment is {status.ToApiName()}: the backend may be working on it, so it cannot be deleted until it is COMPLETED or FAILED.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentBusy;

    /// <summary>The experiment's status.</summary>
    public ExperimentStatus Status { get; } = status;
}
