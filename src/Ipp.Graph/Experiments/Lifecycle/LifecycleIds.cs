using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>The experiment a lifecycle verb names: a global id of an experiment, else EXPERIMENT_NOT_FOUND as for one that does not exist.</summary>
internal static class LifecycleIds
{
    public static long Decode(string id) =>
        GlobalId.TryDecode(id, ExperimentsSchema.TypeName, out var key) ? key : throw NotFound(id);

    public static MutationException NotFound(string id) => new(new ExperimentNotFoundError(id));
}
