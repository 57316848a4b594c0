using System.Collections.Concurrent;

namespace Ipp.Graph.Accounts.Passwords;

/// <summary>
/// A fixed number of dedicated threads that run password hashing, so that bcrypt's deliberate slowness never
/// occupies the thread pool that serves requests. Work beyond the threads waits in a queue; callers await it.
/// </summary>
internal sealed class HashingWorkers : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread[] _threads;

    public HashingWorkers(int threadCount)
    {
        _threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"password-hashing-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>The number of threads.</summary>
    public int ThreadCount => _threads.Length;

    /// <summary>Runs <paramref name="work"/> on a worker; skipped when cancelled while still queued.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                completion.TrySetResult(work());
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        }, CancellationToken.None);
        return completion.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item();
        }
    }
}
