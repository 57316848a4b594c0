using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Execution.DataLoader;

/// <summary>
/// Batches and caches loads of one kind of data for one request. Resolvers call <see cref="LoadAsync"/>; the keys
/// requested while the executor still has synchronous work are loaded with one call of the batch function, so a
/// list of N items that each load one key costs one batch, not N queries. Each key is loaded once per request.
/// Obtain loaders with <see cref="RequestContext.DataLoader{TKey, TValue}(string, Func{IReadOnlyList{TKey}, CancellationToken, ValueTask{IReadOnlyList{TValue}}}, int)"/>.
/// </summary>
/// <typeparam name="TKey">The key type; keys are compared with their default equality.</typeparam>
/// <typeparam name="TValue">The loaded value.</typeparam>
public sealed class DataLoader<TKey, TValue> : IBatchLoader
    where TKey : notnull
{
    private readonly string _name;
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyList<TValue>>> _batch;
    private readonly BatchScheduler _scheduler;
    private readonly int _maxBatchSize;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Entry> _cache = [];
    private List<(TKey Key, Entry Entry)> _queue = [];

    internal DataLoader(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyList<TValue>>> batch,
        BatchScheduler scheduler,
        int maxBatchSize)
    {
        _name = name;
        _batch = batch;
        _scheduler = scheduler;
        _maxBatchSize = maxBatchSize > 0 ? maxBatchSize : int.MaxValue;
    }

    /// <summary>
    /// The value of a key: at once when it was loaded before in this request, else when its batch completes.
    /// Fails with the batch function's exception when the batch fails (the key may then be loaded again).
    /// </summary>
    public ValueTask<TValue> LoadAsync(TKey key)
    {
        Entry? entry;
        TaskCompletionSource<TValue> waiter;
        bool firstOfBatch;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out entry))
            {
                if (entry.IsDone)
                {
                    return entry.Error is null ? new ValueTask<TValue>(entry.Value) : ValueTask.FromException<TValue>(entry.Error);
                }

                // Each waiter gets its own promise: a promise with one waiter resumes it at once when completed.
                waiter = new TaskCompletionSource<TValue>();
                entry.Waiters.Add(waiter);
                return new ValueTask<TValue>(waiter.Task);
            }

            waiter = new TaskCompletionSource<TValue>();
            entry = new Entry();
            entry.Waiters.Add(waiter);
            _cache[key] = entry;
            _queue.Add((key, entry));
            firstOfBatch = _queue.Count == 1;
        }

        if (firstOfBatch)
        {
            _scheduler.Schedule(this);
        }

        return new ValueTask<TValue>(waiter.Task);
    }

    /// <summary>The values of several keys, in their order; the keys join the same batch.</summary>
    public async ValueTask<IReadOnlyList<TValue>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var loads = new List<ValueTask<TValue>>();
        foreach (var key in keys)
        {
            loads.Add(LoadAsync(key));
        }

        var values = new TValue[loads.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await loads[i].ConfigureAwait(false);
        }

        return values;
    }

    /// <summary>Puts a value in the cache (when the key is not there already), e.g. one loaded by another query.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            _cache.TryAdd(key, new Entry { Value = value, IsDone = true });
        }
    }

    /// <summary>Forgets a key's value, e.g. after a mutation changed it; the next load fetches it again.</summary>
    public void Clear(TKey key)
    {
        lock (_gate)
        {
            _cache.Remove(key);
        }
    }

    void IBatchLoader.Dispatch(CancellationToken cancellationToken)
    {
        List<(TKey Key, Entry Entry)> queue;
        lock (_gate)
        {
            queue = _queue;
            _queue = [];
        }

        for (var start = 0; start < queue.Count; start += _maxBatchSize)
        {
            var count = Math.Min(_maxBatchSize, queue.Count - start);
            RunBatch(queue.GetRange(start, count), cancellationToken);
        }
    }

    private void RunBatch(List<(TKey Key, Entry Entry)> entries, CancellationToken cancellationToken)
    {
        var keys = new TKey[entries.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = entries[i].Key;
        }

        ValueTask<IReadOnlyList<TValue>> loading;
        try
        {
            loading = _batch(keys, cancellationToken);
        }
        catch (Exception exception)
        {
            Fail(entries, exception);
            return;
        }

        if (loading.IsCompletedSuccessfully)
        {
            Complete(entries, loading.Result);
        }
        else
        {
            _ = CompleteWhenLoadedAsync(entries, loading);
        }
    }

    private async Task CompleteWhenLoadedAsync(List<(TKey Key, Entry Entry)> entries, ValueTask<IReadOnlyList<TValue>> loading)
    {
        IReadOnlyList<TValue> values;
        try
        {
            values = await loading.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fail(entries, exception);
            return;
        }

        Complete(entries, values);
    }

    private void Complete(List<(TKey Key, Entry Entry)> entries, IReadOnlyList<TValue>? values)
    {
        if (values is null || values.Count != entries.Count)
        {
            Fail(entries, new GraphQLError(
                $"The batch function of data loader \"{_name}\" returned {values?.Count ?? 0} values for {entries.Count} keys; it must return one value per key, in the order of the keys.",
                code: ErrorCodes.InternalServerError));
            return;
        }

        lock (_gate)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                entries[i].Entry.Value = values[i];
                entries[i].Entry.IsDone = true;
            }
        }

        Release(entries, null);
    }

    private void Fail(List<(TKey Key, Entry Entry)> entries, Exception exception)
    {
        lock (_gate)
        {
            foreach (var (key, entry) in entries)
            {
                entry.Error = exception;
                entry.IsDone = true;
                if (_cache.TryGetValue(key, out var cached) && ReferenceEquals(cached, entry))
                {
                    _cache.Remove(key);
                }
            }
        }

        Release(entries, exception);
    }

    /// <summary>
    /// Resumes the waiters of finished entries, outside the lock: a resumed resolver may load more keys. While this
    /// runs, the executor does not dispatch, so the keys those resolvers request join one batch.
    /// </summary>
    private void Release(List<(TKey Key, Entry Entry)> entries, Exception? exception)
    {
        _scheduler.BeginCompleting();
        try
        {
            foreach (var (_, entry) in entries)
            {
                foreach (var waiter in entry.Waiters)
                {
                    if (exception is null)
                    {
                        waiter.TrySetResult(entry.Value);
                    }
                    else
                    {
                        waiter.TrySetException(exception);
                    }
                }
            }
        }
        finally
        {
            _scheduler.EndCompleting();
        }
    }

    /// <summary>A key's state: its waiters until its batch finishes, then its value or the batch's failure.</summary>
    private sealed class Entry
    {
        public TValue Value = default!;

        public Exception? Error;

        public bool IsDone;

        public List<TaskCompletionSource<TValue>> Waiters { get; } = [];
    }
}
