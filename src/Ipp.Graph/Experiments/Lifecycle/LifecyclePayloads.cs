using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>What <c>cancelExperiment</c> answers (the <c>CancelExperimentPayload</c> type).</summary>
public sealed class CancelExperimentPayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}

/// <summary>What <c>retryExperiment</c> answers (the <c>RetryExperimentPayload</c> type).</summary>
public sealed class RetryExperimentPayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}
