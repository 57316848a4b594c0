using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Bulk;

/// <summary>
/// <c>deleteExperiments</c>: <see cref="ExperimentWriter.DeleteAsync"/> on each experiment named, each reported on its
/// own (<see cref="BulkExperiments"/>); and the types every bulk mutation on experiments shares.
/// </summary>
public static class DeleteExperimentsMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<BulkLimitExceededError>("BulkLimitExceededError")
            .BindInput<ExperimentIdsInput>("DeleteExperimentsInput")
            .BindType<BulkPayload<DeletedExperimentResult>>("DeleteExperimentsPayload")
            .BindType<DeletedExperimentResult>("DeleteExperimentsResult")
            .ResolveMutation("deleteExperiments", DeleteAsync);

    private static async Task<BulkPayload<DeletedExperimentResult>> DeleteAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var writer = context.Service<ExperimentWriter>();
        var cancellationToken = context.CancellationToken;
        var results = await context.Service<BulkExperiments>().RunAsync(
            context.Input<ExperimentIdsInput>().Ids,
            async id => new DeletedExperimentResult { Id = id, DeletedId = await writer.DeleteAsync(caller, id, cancellationToken) },
            cancellationToken);
        return new BulkPayload<DeletedExperimentResult> { Results = results };
    }
}

/// <summary>One experiment's result of <c>deleteExperiments</c> (<c>DeleteExperimentsResult</c>).</summary>
public sealed class DeletedExperimentResult : BulkItemResult
{
    /// <summary>The global id of the experiment deleted; null when it was not.</summary>
    public string? DeletedId { get; init; }
}
