using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Bulk;

/// <summary>What a bulk mutation did to one experiment: the id as it was named and, when it failed, why.</summary>
public abstract class BulkItemResult
{
    /// <summary>The experiment's id as the request named it.</summary>
    public string Id { get; init; } = "";

    /// <summary>Why nothing was done to this experiment; null when it was.</summary>
    public IReadOnlyList<MutationError>? Errors { get; init; }
}

/// <summary>One experiment's result of a verb that changes it (<c>TagExperimentsResult</c>, <c>UntagExperimentsResult</c>).</summary>
public sealed class ExperimentItemResult : BulkItemResult
{
    /// <summary>The experiment after the change; null when it failed.</summary>
    public Experiment? Experiment { get; init; }
}

/// <summary>What a bulk mutation answers: a result per experiment, or why the request was refused as a whole.</summary>
public sealed class BulkPayload<TResult> : MutationPayload
    where TResult : BulkItemResult
{
    /// <summary>One result per experiment named (a repeated id once), in the order named; null when the request was refused.</summary>
    public IReadOnlyList<TResult>? Results { get; init; }
}

/// <summary>The input of a bulk mutation that names experiments alone (<c>DeleteExperimentsInput</c>).</summary>
public sealed record ExperimentIdsInput(IReadOnlyList<string> Ids);
