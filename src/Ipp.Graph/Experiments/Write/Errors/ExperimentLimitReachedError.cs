using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>The user has as many experiments as a user may have (<c>EXPERIMENT_LIMIT_REACHED</c>).</summary>
public sealed class ExperimentLimitReachedError(int maxExperiments)
    : MutationError($"You have {maxExperiments} experiments, as many as a user may have: delete some you no longer need first.")
{
    public override string Code => ServerErrorCodes.ExperimentLimitReached;

    /// <summary>The most experiments a user may have.</summary>
    public int MaxExperiments { get; } = maxExperiments;
}
