using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Write.Errors;

/// <summary>No experiment of the caller has the id (<c>EXPERIMENT_NOT_FOUND</c>): a missing one and another user's look the same.</summary>
public sealed class ExperimentNotFoundError(string id) : MutationError($"You have no experiment with id '{id}'.")
{
    public override string Code => ExperimentsErrorCodes.ExperimentNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
