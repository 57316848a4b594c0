using System.Security.Claims;
using Ipp.Graph.Engine.Execution.DataLoader;
using Ipp.Graph.Engine.Execution.Engine;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// What every resolver of one request shares: who is calling, the services to use, the request's cancellation,
/// and per-request state such as data loaders. The engine creates none of these; the host (the HTTP or WebSocket
/// transport, a test) fills them in.
/// </summary>
public class RequestContext
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>The request's data loaders by name, created with the first; it is also the lock guarding itself.</summary>
    private Dictionary<string, object>? _loaders;
    private BatchScheduler? _scheduler;
    private int _activeExecutions;
    private IDictionary<string, object?>? _items;

    /// <summary>The caller; an unauthenticated principal when nobody signed in.</summary>
    public ClaimsPrincipal User { get; init; } = Anonymous;

    /// <summary>Services for resolvers (a request scope in the server); null when the host gives none.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Cancelled when the client goes away or the request runs out of time.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// The time limit of this request's operation in place of <see cref="EngineOptions.ExecutionTimeout"/>; null for that
    /// one. A host whose operation waits for a body still arriving (an upload) counts its time itself.
    /// </summary>
    public TimeSpan? ExecutionTimeout { get; init; }

    /// <summary>The value the root fields of queries and mutations resolve against; null unless the host sets one.</summary>
    public object? RootValue { get; init; }

    /// <summary>Free-form per-request state for the host and resolvers (created on first use).</summary>
    public IDictionary<string, object?> Items
    {
        get
        {
            var items = Volatile.Read(ref _items);
            if (items is null)
            {
                var created = new Dictionary<string, object?>(StringComparer.Ordinal);
                items = Interlocked.CompareExchange(ref _items, created, null) ?? created;
            }

            return items;
        }
    }

    /// <summary>
    /// The request's data loader called <paramref name="name"/>, created with <paramref name="batch"/> on first use.
    /// The batch function receives distinct keys and returns one value per key, in the same order.
    /// Loaders (and their caches) live as long as this context.
    /// </summary>
    /// <param name="name">Identifies the loader within the request (e.g. "usersById").</param>
    /// <param name="batch">Loads many keys at once.</param>
    /// <param name="maxBatchSize">Most keys per call of <paramref name="batch"/>; 0 for no limit.</param>
    public DataLoader<TKey, TValue> DataLoader<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyList<TValue>>> batch,
        int maxBatchSize = 0)
        where TKey : notnull
    {
        var loaders = Volatile.Read(ref _loaders);
        if (loaders is null)
        {
            var created = new Dictionary<string, object>(StringComparer.Ordinal);
            loaders = Interlocked.CompareExchange(ref _loaders, created, null) ?? created;
        }

        lock (loaders)
        {
            if (loaders.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue>
                    ?? throw new InvalidOperationException(
                        $"Data loader \"{name}\" was created as {existing.GetType()}, not as {typeof(DataLoader<TKey, TValue>)}.");
            }

            var loader = new DataLoader<TKey, TValue>(name, batch, Scheduler, maxBatchSize);
            loaders[name] = loader;
            return loader;
        }
    }

    /// <summary>
    /// Like <see cref="DataLoader{TKey, TValue}(string, Func{IReadOnlyList{TKey}, CancellationToken, ValueTask{IReadOnlyList{TValue}}}, int)"/>,
    /// with a batch function returning the values it found by key; keys it did not return load as default (null).
    /// </summary>
    public DataLoader<TKey, TValue?> DataLoader<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, ValueTask<IReadOnlyDictionary<TKey, TValue>>> batch,
        int maxBatchSize = 0)
        where TKey : notnull
    {
        return DataLoader<TKey, TValue?>(name, async (keys, cancellationToken) =>
        {
            var found = await batch(keys, cancellationToken).ConfigureAwait(false);
            var values = new TValue?[keys.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = found.TryGetValue(keys[i], out var value) ? value : default;
            }

            return values;
        }, maxBatchSize);
    }

    private BatchScheduler Scheduler
    {
        get
        {
            var scheduler = Volatile.Read(ref _scheduler);
            if (scheduler is null)
            {
                var created = new BatchScheduler(this);
                scheduler = Interlocked.CompareExchange(ref _scheduler, created, null) ?? created;
            }

            return scheduler;
        }
    }

    /// <summary>True while an execution uses this context (its loop then dispatches the data loaders).</summary>
    internal bool IsExecuting => Volatile.Read(ref _activeExecutions) > 0;

    internal void EnterExecution() => Interlocked.Increment(ref _activeExecutions);

    internal void ExitExecution()
    {
        if (Interlocked.Decrement(ref _activeExecutions) == 0)
        {
            Volatile.Read(ref _scheduler)?.DispatchIfIdle();
        }
    }

    internal void AttachWaitingExecution(ExecutionInbox inbox) => Scheduler.AttachWaitingExecution(inbox);

    internal void DetachWaitingExecution(ExecutionInbox inbox) => Scheduler.DetachWaitingExecution(inbox);

    /// <summary>
    /// True when loaders hold queued keys and no batch is handing out its values (while one is, the keys requested
    /// meanwhile wait to join the next batch).
    /// </summary>
    internal bool HasDataLoadersToDispatch =>
        Volatile.Read(ref _scheduler) is { } scheduler && !scheduler.IsCompleting && scheduler.HasReady();

    /// <summary>Dispatches the loaders holding queued keys.</summary>
    internal void DispatchDataLoaders(CancellationToken cancellationToken) => Volatile.Read(ref _scheduler)?.Dispatch(cancellationToken);
}
