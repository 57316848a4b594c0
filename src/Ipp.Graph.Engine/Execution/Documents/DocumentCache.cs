using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// Prepared documents by query text, bounded: beyond the capacity, the least recently used tenth is evicted, so
/// a flood of distinct documents cannot grow it. Lookups take no lock; each document is prepared once while cached.
/// </summary>
internal sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private int _count;
    private int _evicting;

    public DocumentCache(int capacity) => _capacity = capacity;

    /// <summary>How many documents are cached.</summary>
    public int Count => Volatile.Read(ref _count);

    public PreparedDocument GetOrPrepare(string query, Func<string, PreparedDocument> prepare)
    {
        if (_capacity <= 0)
        {
            return prepare(query);
        }

        if (!_entries.TryGetValue(query, out var entry))
        {
            var created = new Entry();
            if (_entries.TryAdd(query, created))
            {
                entry = created;
                if (Interlocked.Increment(ref _count) > _capacity)
                {
                    Evict();
                }
            }
            else if (!_entries.TryGetValue(query, out entry))
            {
                entry = created;
            }
        }

        entry.LastUsed = Stopwatch.GetTimestamp();
        return entry.GetOrPrepare(query, prepare);
    }

    private void Evict()
    {
        if (Interlocked.Exchange(ref _evicting, 1) == 1)
        {
            return;
        }

        try
        {
            var snapshot = _entries.ToArray();
            Array.Sort(snapshot, static (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            var toRemove = snapshot.Length - (_capacity - _capacity / 10);
            for (var i = 0; i < toRemove; i++)
            {
                if (_entries.TryRemove(snapshot[i]))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }

    private sealed class Entry
    {
        private PreparedDocument? _document;

        public long LastUsed;

        public PreparedDocument GetOrPrepare(string query, Func<string, PreparedDocument> prepare)
        {
            if (Volatile.Read(ref _document) is { } document)
            {
                return document;
            }

            lock (this)
            {
                return _document ??= prepare(query);
            }
        }
    }
}
