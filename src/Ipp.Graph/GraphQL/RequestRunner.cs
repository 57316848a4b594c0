using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// What every transport calls to run a GraphQL request: the engine's <see cref="RequestExecutor"/> with the
/// server's request context (caller, services, cancellation, client address, response cookies).
/// </summary>
public sealed class RequestRunner
{
    private readonly RequestExecutor _executor;

    public RequestRunner(RequestExecutor executor) => _executor = executor;

    public RequestExecutor Executor => _executor;

    /// <summary>Runs a query or mutation.</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(GraphQLRequest request, ServerRequestContext context) =>
        _executor.ExecuteAsync(request, context);

    /// <summary>Starts a subscription: a stream of responses, or one response when it cannot start.</summary>
    public ValueTask<SubscriptionResult> SubscribeAsync(GraphQLRequest request, ServerRequestContext context) =>
        _executor.SubscribeAsync(request, context);
}
