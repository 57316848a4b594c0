using Ipp.Graph.Engine.Execution.Engine;

namespace Ipp.Graph.Engine.Execution.DataLoader;

/// <summary>A data loader as its scheduler sees it: something holding keys to load in one batch.</summary>
internal interface IBatchLoader
{
    /// <summary>Starts loading the keys queued so far (without waiting for the batch to finish).</summary>
    void Dispatch(CancellationToken cancellationToken);
}

/// <summary>
/// Decides when the data loaders of one <see cref="RequestContext"/> load their queued keys. While an execution
/// uses the context, its loop dispatches them when it runs out of synchronous work, so every key requested in
/// the meantime lands in one batch; a loader that receives keys while the loop waits wakes it. Keys requested
/// outside any execution are dispatched from the thread pool.
/// </summary>
internal sealed class BatchScheduler
{
    private readonly RequestContext _context;
    private readonly object _gate = new();
    private readonly List<ExecutionInbox> _waitingExecutions = [];
    private List<IBatchLoader> _ready = [];
    private int _completing;

    public BatchScheduler(RequestContext context) => _context = context;

    /// <summary>Called when the last execution using the context ends: keys queued since are dispatched anyway.</summary>
    public void DispatchIfIdle()
    {
        if (!_context.IsExecuting && HasReady())
        {
            DispatchOnThreadPool();
        }
    }

    public void AttachWaitingExecution(ExecutionInbox inbox)
    {
        lock (_gate)
        {
            _waitingExecutions.Add(inbox);
        }
    }

    public void DetachWaitingExecution(ExecutionInbox inbox)
    {
        lock (_gate)
        {
            _waitingExecutions.Remove(inbox);
        }
    }

    /// <summary>
    /// True while a batch that finished asynchronously hands its values to the resolvers waiting on them. The loop
    /// waits for that to end before dispatching again, so the keys those resolvers request next share one batch.
    /// </summary>
    public bool IsCompleting => Volatile.Read(ref _completing) > 0;

    public void BeginCompleting() => Interlocked.Increment(ref _completing);

    public void EndCompleting()
    {
        if (Interlocked.Decrement(ref _completing) == 0)
        {
            WakeWaitingExecutions();
        }
    }

    /// <summary>Called by a loader when its first key of a new batch is queued.</summary>
    public void Schedule(IBatchLoader loader)
    {
        bool executionsWaiting;
        lock (_gate)
        {
            _ready.Add(loader);
            executionsWaiting = _waitingExecutions.Count > 0;
        }

        if (executionsWaiting)
        {
            WakeWaitingExecutions();
        }
        else if (!_context.IsExecuting)
        {
            DispatchOnThreadPool();
        }
    }

    public bool HasReady()
    {
        lock (_gate)
        {
            return _ready.Count > 0;
        }
    }

    /// <summary>Dispatches every loader with queued keys.</summary>
    public void Dispatch(CancellationToken cancellationToken)
    {
        List<IBatchLoader> ready;
        lock (_gate)
        {
            if (_ready.Count == 0)
            {
                return;
            }

            ready = _ready;
            _ready = [];
        }

        foreach (var loader in ready)
        {
            loader.Dispatch(cancellationToken);
        }
    }

    private void WakeWaitingExecutions()
    {
        ExecutionInbox[] waiting;
        lock (_gate)
        {
            waiting = _waitingExecutions.ToArray();
        }

        foreach (var inbox in waiting)
        {
            inbox.Wake();
        }
    }

    private void DispatchOnThreadPool() =>
        ThreadPool.UnsafeQueueUserWorkItem(static scheduler => scheduler.Dispatch(CancellationToken.None), this, preferLocal: false);
}
