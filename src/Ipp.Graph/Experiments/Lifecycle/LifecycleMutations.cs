using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Lifecycle.Errors;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>
/// <c>cancelExperiment</c> and <c>retryExperiment</c>, on experiments the <see cref="Authorization.AccessPolicy"/> lets
/// the caller change (their own), on both routes: <see cref="ExperimentCancellation"/> and <see cref="ExperimentRetry"/>.
/// </summary>
public static class LifecycleMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<ExperimentIdInput>("CancelExperimentInput")
            .BindInput<ExperimentIdInput>("RetryExperimentInput")
            .BindType<CancelExperimentPayload>("CancelExperimentPayload")
            .BindType<RetryExperimentPayload>("RetryExperimentPayload")
            .BindType<ExperimentNotCancellableError>("ExperimentNotCancellableError")
            .BindType<ExperimentNotRetryableError>("ExperimentNotRetryableError")
            .ResolveMutation("cancelExperiment", CancelAsync)
            .ResolveMutation("retryExperiment", RetryAsync);

    private static async Task<CancelExperimentPayload> CancelAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ExperimentIdInput>();
        return new CancelExperimentPayload
        {
            Experiment = await context.Service<ExperimentCancellation>().CancelAsync(caller, input.Id, context.CancellationToken),
        };
    }

    private static async Task<RetryExperimentPayload> RetryAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<ExperimentIdInput>();
        return new RetryExperimentPayload
        {
            Experiment = await context.Service<ExperimentRetry>().RetryAsync(caller, input.Id, context.CancellationToken),
        };
    }
}
