using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>The user has as many experiments as a user may have (<c>EXPERIMENT_LIMIT_REACHED</c>).</summary>
public sealed class ExperimentLimitReachedError(int maxExperiments)
    : MutationError($"You already have {maxExperiments} experiments, the most you may keep. Delete experiments you no longer need.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentLimitReached;

    /// <summary>The most experiments a user may have.</summary>
    public int MaxExperiments { get; } = maxExperiments;
}
