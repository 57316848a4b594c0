using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Drafts;

/// <summary>What <c>editExperiment</c> answers (the <c>EditExperimentPayload</c> type).</summary>
public sealed class EditExperimentPayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}

/// <summary>What <c>cloneExperiment</c> answers (the <c>CloneExperimentPayload</c> type).</summary>
public sealed class CloneExperimentPayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}
