using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>Only a draft (EDITING) can be submitted or edited (<c>EXPERIMENT_NOT_EDITABLE</c>).</summary>
/// <param name="status">The experiment's status.</param>
/// <param name="done">What was refused, as a past participle: <c>submitted</c>, <c>edited</c>.</param>
public sealed class ExperimentNotEditableError(ExperimentStatus status, string done = "submitted")
    : MutationError($"Only a draft (EDITING) can be {done}; this experiment is {status.ToApiName()}.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentNotEditable;

    /// <summary>The experiment's status.</summary>
    public ExperimentStatus Status { get; } = status;
}
