using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Bulk;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// <c>cancelExperiments</c> and <c>retryExperiments</c>: <see cref="ExperimentCancellation"/> and
/// <see cref="ExperimentRetry"/> on each experiment named, each reported on its own (<see cref="BulkExperiments"/>).
/// </summary>
public static class BulkLifecycleMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<ExperimentIdsInput>("CancelExperimentsInput")
            .BindInput<ExperimentIdsInput>("RetryExperimentsInput")
            .BindType<BulkPayload<ExperimentItemResult>>("CancelExperimentsPayload")
            .BindType<BulkPayload<ExperimentItemResult>>("RetryExperimentsPayload")
            .BindType<ExperimentItemResult>("CancelExperimentsResult")
            .BindType<ExperimentItemResult>("RetryExperimentsResult")
            .ResolveMutation("cancelExperiments", context => RunAsync(context, (caller, id, token) => context.Service<ExperimentCancellation>().CancelAsync(caller, id, token)))
            .ResolveMutation("retryExperiments", context => RunAsync(context, (caller, id, token) => context.Service<ExperimentRetry>().RetryAsync(caller, id, token)));

    private static async Task<BulkPayload<ExperimentItemResult>> RunAsync(
        ResolveContext context, Func<SignedInCaller, string, CancellationToken, Task<Experiment>> verb)
    {
        var caller = context.RequireCaller();
        var cancellationToken = context.CancellationToken;
        var results = await context.Service<BulkExperiments>().RunOnExperimentsAsync(
            context.Input<ExperimentIdsInput>().Ids, id => verb(caller, id, cancellationToken), cancellationToken);
        return new BulkPayload<ExperimentItemResult> { Results = results };
    }
}
