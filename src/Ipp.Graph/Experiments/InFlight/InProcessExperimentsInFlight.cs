namespace Ipp.Graph.Experiments.InFlight;

/// <summary>The experiments in flight of a server alone on its database (SQLite): this process's writers.</summary>
public sealed class InProcessExperimentsInFlight : IExperimentsInFlight
{
    /// <summary>The experiments being worked on, each with what completes when its writer is done.</summary>
    private readonly Dictionary<long, TaskCompletionSource> _working = [];

    public async Task<IAsyncDisposable> BeginAsync(long experimentId, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task done;
            lock (_working)
            {
                if (!_working.TryGetValue(experimentId, out var current))
                {
                    _working[experimentId] = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    return new Mark(this, experimentId);
                }

                done = current.Task;
            }

            await done.WaitAsync(cancellationToken);
        }
    }

    public Task<bool> IsInFlightAsync(long experimentId, CancellationToken cancellationToken)
    {
        lock (_working)
        {
            return Task.FromResult(_working.ContainsKey(experimentId));
        }
    }

    private void End(long experimentId)
    {
        TaskCompletionSource? done;
        lock (_working)
        {
            _working.Remove(experimentId, out done);
        }

        done?.TrySetResult();
    }

    private sealed class Mark(InProcessExperimentsInFlight owner, long experimentId) : IAsyncDisposable
    {
        private int _ended;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                owner.End(experimentId);
            }

            return ValueTask.CompletedTask;
        }
    }
}
