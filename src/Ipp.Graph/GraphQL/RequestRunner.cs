using System.Security.Claims;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// What every transport calls to run a GraphQL request: the engine's <see cref="RequestExecutor"/> with the
/// request's caller, services and cancellation in its context.
/// </summary>
public sealed class RequestRunner
{
    private readonly RequestExecutor _executor;

    public RequestRunner(RequestExecutor executor) => _executor = executor;

    public RequestExecutor Executor => _executor;

    /// <summary>Runs a query or mutation.</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(request, Context(user, services, cancellationToken));

    /// <summary>Starts a subscription: a stream of responses, or one response when it cannot start.</summary>
    public ValueTask<SubscriptionResult> SubscribeAsync(
        GraphQLRequest request, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken) =>
        _executor.SubscribeAsync(request, Context(user, services, cancellationToken));

    private static RequestContext Context(ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken) =>
        new() { User = user, Services = services, CancellationToken = cancellationToken };
}
