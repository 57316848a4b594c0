using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Lifecycle.Errors;

/// <summary>Only a SUBMITTED or RUNNING experiment can be cancelled (<c>EXPERIMENT_NOT_CANCELLABLE</c>).</summary>
public sealed class ExperimentNotCancellableError(ExperimentStatus status)
    : MutationError($"Only a SUBMITTED or RUNNING experiment can be cancelled; this experiment is {status.ToApiName()}.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentNotCancellable;

    /// <summary>The experiment's status.</summary>
    public ExperimentStatus Status { get; } = status;
}
