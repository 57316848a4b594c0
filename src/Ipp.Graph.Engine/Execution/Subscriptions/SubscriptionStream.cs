using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Engine;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Subscriptions;

/// <summary>
/// Maps a subscription's source stream to responses (graphql-js's mapAsyncIterator over execute): each event is
/// executed as the root value of the operation. The source is disposed when the consumer disposes the
/// enumerator, when its token or the request's is cancelled (even if the source ignores cancellation), when
/// the source completes, and when it throws (which ends the stream with a response holding the error).
/// </summary>
internal sealed class SubscriptionStream : IAsyncEnumerable<ExecutionResult>
{
    private readonly OperationPlan _operation;
    private readonly PlanRoot _plan;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly RequestContext _context;
    private readonly EngineOptions _options;
    private readonly IAsyncEnumerable<object?> _source;

    public SubscriptionStream(
        OperationPlan operation,
        PlanRoot plan,
        IReadOnlyDictionary<string, object?> variables,
        RequestContext context,
        EngineOptions options,
        IAsyncEnumerable<object?> source)
    {
        _operation = operation;
        _plan = plan;
        _variables = variables;
        _context = context;
        _options = options;
        _source = source;
    }

    public IAsyncEnumerator<ExecutionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(this, cancellationToken);

    private ValueTask<ExecutionResult> ExecuteEventAsync(object? sourceEvent, CancellationToken cancellationToken) =>
        new ExecutionState(_operation, _plan, _variables, sourceEvent, _context, cancellationToken, _options.ExecutionTimeout, isEvent: true)
            .ExecuteAsync();

    private sealed class Enumerator : IAsyncEnumerator<ExecutionResult>
    {
        private readonly SubscriptionStream _stream;
        private readonly CancellationTokenSource _cancellation;
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;
        private readonly IAsyncEnumerator<object?> _source;
        private Task? _pendingMove;
        private bool _finished;
        private int _sourceDisposed;

        public Enumerator(SubscriptionStream stream, CancellationToken cancellationToken)
        {
            _stream = stream;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stream._context.CancellationToken, cancellationToken);
            _registration = _cancellation.Token.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), _cancelled);
            _source = stream._source.GetAsyncEnumerator(_cancellation.Token);
        }

        public ExecutionResult Current { get; private set; } = null!;

        public async ValueTask<bool> MoveNextAsync()
        {
            if (_finished)
            {
                return false;
            }

            var token = _cancellation.Token;
            try
            {
                if (!await MoveSourceAsync().ConfigureAwait(false))
                {
                    await FinishAsync().ConfigureAwait(false);
                    return false;
                }

                Current = await _stream.ExecuteEventAsync(_source.Current, token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                await FinishAsync().ConfigureAwait(false);
                return false;
            }
            catch (Exception exception)
            {
                // The source failed: one last response with the error, then the stream ends.
                await FinishAsync().ConfigureAwait(false);
                Current = ExecutionResult.FromError(exception as GraphQLError
                    ?? new GraphQLError(exception.Message, code: ErrorCodes.InternalServerError, originalError: exception));
                return true;
            }
        }

        public ValueTask DisposeAsync() => FinishAsync();

        /// <summary>The source's next event; false when it completed or the subscription was cancelled.</summary>
        private async ValueTask<bool> MoveSourceAsync()
        {
            if (_cancellation.IsCancellationRequested)
            {
                return false;
            }

            var move = _source.MoveNextAsync();
            if (move.IsCompleted)
            {
                return move.GetAwaiter().GetResult();
            }

            var moving = move.AsTask();
            if (await Task.WhenAny(moving, _cancelled.Task).ConfigureAwait(false) == moving)
            {
                return await moving.ConfigureAwait(false);
            }

            // Cancelled while the source waits for an event it may never produce: dispose it once that wait ends.
            _pendingMove = moving;
            return false;
        }

        private async ValueTask FinishAsync()
        {
            _finished = true;
            if (Interlocked.Exchange(ref _sourceDisposed, 1) == 1)
            {
                return;
            }

            _cancellation.Cancel();
            await _registration.DisposeAsync().ConfigureAwait(false);
            if (_pendingMove is { } pending)
            {
                _ = DisposeSourceAfterAsync(pending);
            }
            else
            {
                await DisposeSourceAsync().ConfigureAwait(false);
            }
        }

        private async Task DisposeSourceAfterAsync(Task pendingMove)
        {
            // The source is going away; how its last wait ended (often cancelled) does not matter, and is not rethrown.
            await pendingMove.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await DisposeSourceAsync().ConfigureAwait(false);
        }

        private async ValueTask DisposeSourceAsync()
        {
            try
            {
                await _source.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                // As graphql-js does when closing a source: a failure to close does not replace the outcome.
            }
            finally
            {
                _cancellation.Dispose();
            }
        }
    }
}
