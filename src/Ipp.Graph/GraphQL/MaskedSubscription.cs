using System.Diagnostics;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Telemetry;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// A subscription's responses with their unexpected errors masked (<see cref="UnexpectedErrors"/>) and, when
/// telemetry listens, observed: each event's errors are recorded on the subscription's span, which is the current
/// one while an event executes, and the observation ends when the enumeration is disposed, however far it went.
/// </summary>
internal sealed class MaskedSubscription : IAsyncEnumerable<ExecutionResult>
{
    private readonly IAsyncEnumerable<ExecutionResult> _source;
    private readonly ILogger _logger;
    private readonly string? _operationName;
    private readonly OperationObservation? _observation;

    public MaskedSubscription(IAsyncEnumerable<ExecutionResult> source, ILogger logger, string? operationName, OperationObservation? observation)
    {
        _source = source;
        _logger = logger;
        _operationName = operationName;
        _observation = observation;
    }

    public IAsyncEnumerator<ExecutionResult> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(this, _source.GetAsyncEnumerator(cancellationToken));

    private sealed class Enumerator : IAsyncEnumerator<ExecutionResult>
    {
        private readonly MaskedSubscription _owner;
        private readonly IAsyncEnumerator<ExecutionResult> _source;

        public Enumerator(MaskedSubscription owner, IAsyncEnumerator<ExecutionResult> source)
        {
            _owner = owner;
            _source = source;
        }

        public ExecutionResult Current { get; private set; } = null!;

        public async ValueTask<bool> MoveNextAsync()
        {
            var observation = _owner._observation;
            if (observation?.Activity is { } span)
            {
                // Within this method only: what the event's execution logs or measures belongs to the subscription.
                Activity.Current = span;
            }

            bool moved;
            try
            {
                moved = await _source.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                observation?.Fail(exception);
                throw;
            }

            if (!moved)
            {
                return false;
            }

            observation?.Record(_source.Current);
            Current = UnexpectedErrors.Mask(_source.Current, _owner._logger, _owner._operationName);
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _source.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                _owner._observation?.Dispose();
            }
        }
    }
}
