namespace Ipp.Graph.Engine.Execution.Subscriptions;

/// <summary>
/// What subscribing gives: a stream of responses, one per event, or (when the subscription could not start:
/// syntax, validation, variables, or the source stream failed) a single response with the errors.
/// </summary>
public sealed class SubscriptionResult
{
    /// <summary>A subscription that did not start; <paramref name="result"/> says why.</summary>
    public SubscriptionResult(ExecutionResult result) => Result = result;

    /// <summary>A started subscription (public so a host can wrap the engine's stream, e.g. to mask errors).</summary>
    public SubscriptionResult(IAsyncEnumerable<ExecutionResult> stream) => Stream = stream;

    /// <summary>The response explaining why the subscription did not start; null when <see cref="Stream"/> is set.</summary>
    public ExecutionResult? Result { get; }

    /// <summary>
    /// One response per event. Stop iterating (dispose the enumerator) or cancel its token to unsubscribe: the
    /// source stream is then disposed. An error thrown by the source stream ends it with one last response holding the error.
    /// </summary>
    public IAsyncEnumerable<ExecutionResult>? Stream { get; }

    /// <summary>True when the subscription started.</summary>
    public bool IsStream => Stream is not null;
}
