using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Administration.Usage;

/// <summary>The <c>Usage</c> type: what a user keeps, against their limits.</summary>
/// <param name="Experiments">Every status an experiment may be seen in, in the lifecycle's order, with its count.</param>
/// <param name="ExperimentCount">The experiments the user keeps.</param>
/// <param name="MaxExperiments">The most they may keep (<c>Experiments:MaxPerUser</c>).</param>
/// <param name="StoredBytes">What they store (<see cref="Storage.UserStoredBytes"/>).</param>
/// <param name="MaxStoredBytes">The most they may store (<c>Experiments:MaxUserBytes</c>).</param>
public sealed record UserUsage(
    IReadOnlyList<ExperimentStatusCount> Experiments,
    int ExperimentCount,
    int MaxExperiments,
    long StoredBytes,
    long MaxStoredBytes);

/// <summary>The <c>ExperimentStatusCount</c> type.</summary>
public sealed record ExperimentStatusCount(ExperimentStatus Status, int Count);
