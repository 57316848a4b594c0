using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Execution;

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
    private readonly Dictionary<TKey, Task<TValue>> _cache = [];
    private List<(TKey Key, TaskCompletionSource<TValue> Promise)> _queue = [];

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
        TaskCompletionSource<TValue> promise;
        bool firstOfBatch;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var known))
            {
                return known.IsCompletedSuccessfully ? new ValueTask<TValue>(known.Result) : new ValueTask<TValue>(known);
            }

            promise = new TaskCompletionSource<TValue>();
            _cache[key] = promise.Task;
            _queue.Add((key, promise));
            firstOfBatch = _queue.Count == 1;
        }

        if (firstOfBatch)
        {
            _scheduler.Schedule(this);
        }

        return new ValueTask<TValue>(promise.Task);
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
            _cache.TryAdd(key, Task.FromResult(value));
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
        List<(TKey Key, TaskCompletionSource<TValue> Promise)> queue;
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

    private void RunBatch(List<(TKey Key, TaskCompletionSource<TValue> Promise)> entries, CancellationToken cancellationToken)
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

    private async Task CompleteWhenLoadedAsync(List<(TKey Key, TaskCompletionSource<TValue> Promise)> entries, ValueTask<IReadOnlyList<TValue>> loading)
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

    private void Complete(List<(TKey Key, TaskCompletionSource<TValue> Promise)> entries, IReadOnlyList<TValue>? values)
    {
        if (values is null || values.Count != entries.Count)
        {
            Fail(entries, new GraphQLError(
                $"The batch function of data loader \"{_name}\" returned {values?.Count ?? 0} values for {entries.Count} keys; it must return one value per key, in the order of the keys.",
                code: ErrorCodes.InternalServerError));
            return;
        }

        // Outside the lock: completing a promise may run the awaiting resolver, which may load more keys.
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Promise.TrySetResult(values[i]);
        }
    }

    private void Fail(List<(TKey Key, TaskCompletionSource<TValue> Promise)> entries, Exception exception)
    {
        lock (_gate)
        {
            foreach (var (key, promise) in entries)
            {
                if (_cache.TryGetValue(key, out var cached) && ReferenceEquals(cached, promise.Task))
                {
                    _cache.Remove(key);
                }
            }
        }

        foreach (var (_, promise) in entries)
        {
            promise.TrySetException(exception);
        }
    }
}
