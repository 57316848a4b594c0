namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>The request's loop: pending resolvers, deferred sub-trees, data loader batches, time limit.</summary>
internal sealed partial class ExecutionState
{
    private void Register(ValueTask<object?> task, in ResolveContext context)
    {
        var inbox = _inbox ??= new ExecutionInbox();
        var pending = _freePending;
        if (pending is null)
        {
            pending = new PendingField(inbox);
        }
        else
        {
            _freePending = pending.NextFree;
            pending.NextFree = null;
        }

        pending.Context = context;
        pending.Task = task;
        _pending++;
        IncrementPending(context.Owner);
        pending.Await();
    }

    /// <summary>Continues an object's fields later, from the loop (when the stack is too deep to recurse).</summary>
    private void Defer(ResultObject owner, object? parent)
    {
        (_deferred ??= new()).Enqueue((owner, parent));
        _pending++;
        IncrementPending(owner);
    }

    private void CompletePending(PendingField pending)
    {
        var context = pending.Context;
        var task = pending.Task;
        pending.Context = default;
        pending.Task = default;
        pending.NextFree = _freePending;
        _freePending = pending;

        var owner = context.Owner;
        var field = context.Plan;
        object? value = null;
        Exception? failure = null;
        try
        {
            value = task.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // A null that propagated above this field since it started makes its outcome irrelevant (graphql-js drops it too).
        if (!owner.IsAbandoned())
        {
            var error = failure is not null
                ? FailSlot(owner, field.Index, Locate(failure, owner, field.Index, field))
                : CompleteValue(owner, field.Index, field.Completion, value, in context);
            if (error is not null)
            {
                Propagate(owner, error);
            }
        }

        Settle(owner);
    }

    private void RunDeferred(ResultObject owner, object? parent)
    {
        if (!owner.IsAbandoned() && ExecuteFields(owner, parent) is { } error)
        {
            Propagate(owner, error);
        }

        Settle(owner);
    }

    private static void IncrementPending(ResultNode node)
    {
        for (ResultNode? current = node; current is not null; current = current.Parent)
        {
            current.PendingCount++;
        }
    }

    /// <summary>
    /// One pending item under <paramref name="node"/> is done; a doomed object with nothing left pending ripens. An
    /// item under a node made null was already discounted from everything above that node, so counting stops there.
    /// </summary>
    private void Settle(ResultNode node)
    {
        for (ResultNode? current = node; current is not null; current = current.Parent)
        {
            current.PendingCount--;
            if (current.IsNulled)
            {
                return;
            }

            if (current.PendingCount == 0 && IsDoomed(current, out var doomed))
            {
                Ripen(doomed);
            }
        }

        _pending--;
    }

    /// <summary>
    /// Runs everything that can run without waiting: completions already posted, deferred sub-trees, and the
    /// data loaders' batches. True when nothing is pending any more (or execution was aborted).
    /// </summary>
    private bool TryFinishSynchronously()
    {
        while (true)
        {
            RunAvailableWork();
            if (_aborted || _pending == 0)
            {
                return true;
            }

            if (!Request.HasDataLoadersToDispatch)
            {
                return false;
            }

            // A batch that finished handing out its values since the inbox was emptied has posted the fields it
            // resumed; the keys they ask for next belong in this dispatch, so those fields complete first.
            if (_inbox is { IsEmpty: false })
            {
                continue;
            }

            Request.DispatchDataLoaders(CancellationToken);
        }
    }

    private void RunAvailableWork()
    {
        while (!_aborted)
        {
            if (_deferred is { Count: > 0 })
            {
                var (owner, parent) = _deferred.Dequeue();
                RunDeferred(owner, parent);
            }
            else if (_inbox is not null && _inbox.TryTake(out var pending))
            {
                CompletePending(pending);
            }
            else if (!FinishRipeDoomed())
            {
                return;
            }
        }
    }

    /// <summary>Waits for pending resolvers until none is left, the time is up, or the host cancels.</summary>
    private async ValueTask WaitForPendingAsync()
    {
        var inbox = _inbox ??= new ExecutionInbox();
        var wakeToken = _deadline == long.MaxValue ? _hostToken : EnsureLinkedToken().Token;
        using var registration = wakeToken.CanBeCanceled
            ? wakeToken.UnsafeRegister(static state => ((ExecutionInbox)state!).Wake(), inbox)
            : default;
        Request.AttachWaitingExecution(inbox);
        try
        {
            while (!TryFinishSynchronously())
            {
                CheckDeadline();
                if (_aborted)
                {
                    return;
                }

                await inbox.WaitAsync().ConfigureAwait(false);
                CheckDeadline();
            }
        }
        finally
        {
            Request.DetachWaitingExecution(inbox);
        }
    }

    /// <summary>Aborts execution when the host cancelled or the time limit passed; pending work is abandoned.</summary>
    private void CheckDeadline()
    {
        _fieldsSinceDeadlineCheck = 0;
        if (_hostToken.IsCancellationRequested)
        {
            _aborted = true;
        }
        else if (_deadline != long.MaxValue
            && (Environment.TickCount64 >= _deadline || Volatile.Read(ref _linkedToken) is { Token.IsCancellationRequested: true }))
        {
            _aborted = true;
            _timedOut = true;
        }
    }
}
