using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Lifecycle.Errors;

/// <summary>Only a FAILED or CANCELLED experiment can be retried (<c>EXPERIMENT_NOT_RETRYABLE</c>).</summary>
public sealed class ExperimentNotRetryableError(ExperimentStatus status)
    : MutationError($"Only a FAILED or CANCELLED experiment can be retried; this experiment is {status.ToApiName()}.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentNotRetryable;

    /// <summary>The experiment's status.</summary>
    public ExperimentStatus Status { get; } = status;
}
