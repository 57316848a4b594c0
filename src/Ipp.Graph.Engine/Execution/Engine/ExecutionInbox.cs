using System.Threading.Tasks.Sources;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>
/// Where resolvers that completed asynchronously hand their results back to the request's loop. Any thread may
/// post; only the loop takes. The loop awaits the inbox when it has nothing else to do; a post, or a wake-up
/// (a data loader with new keys, cancellation), resumes it.
/// </summary>
internal sealed class ExecutionInbox : IValueTaskSource
{
    private readonly object _gate = new();
    private readonly Queue<PendingField> _items = new();
    private ManualResetValueTaskSourceCore<bool> _signal;
    private bool _waiting;
    private bool _woken;

    public void Post(PendingField item)
    {
        bool resume;
        lock (_gate)
        {
            _items.Enqueue(item);
            resume = _waiting;
            _waiting = false;
        }

        if (resume)
        {
            _signal.SetResult(true);
        }
    }

    /// <summary>Makes the loop's current or next wait return, though nothing was posted.</summary>
    public void Wake()
    {
        bool resume;
        lock (_gate)
        {
            _woken = !_waiting;
            resume = _waiting;
            _waiting = false;
        }

        if (resume)
        {
            _signal.SetResult(true);
        }
    }

    /// <summary>True when nothing posted waits to be taken.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _items.Count == 0;
            }
        }
    }

    public bool TryTake(out PendingField item)
    {
        lock (_gate)
        {
            return _items.TryDequeue(out item!);
        }
    }

    /// <summary>Completes when something was posted or the loop was woken; at once if that already happened.</summary>
    public ValueTask WaitAsync()
    {
        lock (_gate)
        {
            if (_items.Count > 0 || _woken)
            {
                _woken = false;
                return default;
            }

            _signal.Reset();
            _waiting = true;
        }

        return new ValueTask(this, _signal.Version);
    }

    void IValueTaskSource.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _signal.OnCompleted(continuation, state, token, flags);
}
