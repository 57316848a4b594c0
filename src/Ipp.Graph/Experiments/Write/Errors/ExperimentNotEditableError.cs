using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>Only a draft (EDITING) can be submitted (<c>EXPERIMENT_NOT_EDITABLE</c>).</summary>
public sealed class ExperimentNotEditableError(ExperimentStatus status)
    : MutationError($"Only a draft (EDITING) can be submitted; this experiment is {status.ToApiName()}.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentNotEditable;

    /// <summary>The experiment's status.</summary>
    public ExperimentStatus Status { get; } = status;
}
