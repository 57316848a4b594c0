using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Execution.Subscriptions;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// What every transport calls to run a GraphQL request: the engine's <see cref="RequestExecutor"/> with the
/// server's request context (caller, services, cancellation, client address, response cookies). Every response it
/// gives, subscription events included, has unexpected exceptions masked and logged (<see cref="UnexpectedErrors"/>).
/// </summary>
public sealed class RequestRunner
{
    private readonly RequestExecutor _executor;
    private readonly ILogger<RequestRunner> _logger;

    public RequestRunner(RequestExecutor executor, ILogger<RequestRunner> logger)
    {
        _executor = executor;
        _logger = logger;
    }

    public RequestExecutor Executor => _executor;

    /// <summary>
    /// The type of operation the request would run; null when it cannot run (running it then says why). Lets a
    /// transport refuse an operation it does not carry before running it.
    /// </summary>
    public OperationType? GetOperationType(GraphQLRequest request) => _executor.GetOperationType(request);

    /// <summary>Runs a query or mutation.</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(GraphQLRequest request, ServerRequestContext context)
    {
        var running = _executor.ExecuteAsync(request, context);
        return running.IsCompletedSuccessfully
            ? new ValueTask<ExecutionResult>(UnexpectedErrors.Mask(running.Result, _logger, request.OperationName))
            : MaskAsync(running, request.OperationName);
    }

    /// <summary>Starts a subscription: a stream of responses, or one response when it cannot start.</summary>
    public async ValueTask<SubscriptionResult> SubscribeAsync(GraphQLRequest request, ServerRequestContext context)
    {
        var subscription = await _executor.SubscribeAsync(request, context).ConfigureAwait(false);
        return subscription.Stream is { } stream
            ? new SubscriptionResult(MaskEach(stream, request.OperationName))
            : new SubscriptionResult(UnexpectedErrors.Mask(subscription.Result!, _logger, request.OperationName));
    }

    private async ValueTask<ExecutionResult> MaskAsync(ValueTask<ExecutionResult> running, string? operationName) =>
        UnexpectedErrors.Mask(await running.ConfigureAwait(false), _logger, operationName);

    private async IAsyncEnumerable<ExecutionResult> MaskEach(
        IAsyncEnumerable<ExecutionResult> stream, string? operationName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var result in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return UnexpectedErrors.Mask(result, _logger, operationName);
        }
    }
}
