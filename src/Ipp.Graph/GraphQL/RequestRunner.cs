using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Execution.Subscriptions;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Telemetry;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// What every transport calls to run a GraphQL request: the engine's <see cref="RequestExecutor"/> with the
/// server's request context (caller, services, cancellation, client address, response cookies). Every response it
/// gives, subscription events included, has unexpected exceptions masked and logged (<see cref="UnexpectedErrors"/>).
/// When telemetry listens, every operation is observed here, so alike over HTTP, WebSocket and Server-Sent Events:
/// a span and the operation metrics (<see cref="OperationTelemetry"/>).
/// </summary>
public sealed class RequestRunner
{
    private readonly RequestExecutor _executor;
    private readonly OperationTelemetry _telemetry;
    private readonly ILogger<RequestRunner> _logger;

    public RequestRunner(RequestExecutor executor, OperationTelemetry telemetry, ILogger<RequestRunner> logger)
    {
        _executor = executor;
        _telemetry = telemetry;
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
        if (OperationTelemetry.IsListening)
        {
            return ExecuteObservedAsync(request, context);
        }

        var running = _executor.ExecuteAsync(request, context);
        return running.IsCompletedSuccessfully
            ? new ValueTask<ExecutionResult>(UnexpectedErrors.Mask(running.Result, _logger, request.OperationName))
            : MaskAsync(running, request.OperationName);
    }

    /// <summary>Starts a subscription: a stream of responses, or one response when it cannot start.</summary>
    public async ValueTask<SubscriptionResult> SubscribeAsync(GraphQLRequest request, ServerRequestContext context)
    {
        var observation = OperationTelemetry.IsListening ? _telemetry.Start(_executor.GetOperation(request)) : null;
        SubscriptionResult subscription;
        try
        {
            subscription = await _executor.SubscribeAsync(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (observation is not null)
        {
            observation.Fail(exception);
            observation.Dispose();
            throw;
        }

        if (subscription.Stream is { } stream)
        {
            // The stream's enumeration ends the observation.
            observation?.SubscriptionStarted();
            return new SubscriptionResult(new MaskedSubscription(stream, _logger, request.OperationName, observation));
        }

        observation?.Record(subscription.Result!);
        observation?.Dispose();
        return new SubscriptionResult(UnexpectedErrors.Mask(subscription.Result!, _logger, request.OperationName));
    }

    private async ValueTask<ExecutionResult> MaskAsync(ValueTask<ExecutionResult> running, string? operationName) =>
        UnexpectedErrors.Mask(await running.ConfigureAwait(false), _logger, operationName);

    private async ValueTask<ExecutionResult> ExecuteObservedAsync(GraphQLRequest request, ServerRequestContext context)
    {
        using var observation = _telemetry.Start(_executor.GetOperation(request));
        ExecutionResult result;
        try
        {
            result = await _executor.ExecuteAsync(request, context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            observation.Fail(exception);
            throw;
        }

        observation.Record(result);
        return UnexpectedErrors.Mask(result, _logger, request.OperationName);
    }
}
