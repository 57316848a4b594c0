using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write;

/// <summary>What <c>createExperiment</c> answers (the <c>CreateExperimentPayload</c> type).</summary>
public sealed class CreateExperimentPayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}

/// <summary>What <c>submitExperiment</c> answers (the <c>SubmitExperimentPayload</c> type).</summary>
public sealed class SubmitExperimentPayload : MutationPayload
{
    public Experiment? Experiment { get; init; }
}

/// <summary>What <c>deleteExperiment</c> answers (the <c>DeleteExperimentPayload</c> type).</summary>
public sealed class DeleteExperimentPayload : MutationPayload
{
    /// <summary>The global id of the deleted experiment.</summary>
    public string? DeletedId { get; init; }
}
