using System.Collections.Concurrent;

namespace Ipp.Graph.Engine.Execution.Documents;

/// <summary>
/// Prepared documents by query text, bounded both in count and in total text length: beyond either, the least
/// recently used entries are evicted (down to nine tenths), so a flood of distinct or large documents cannot grow
/// it. Lookups take no lock; each document is prepared once while cached.
/// </summary>
internal sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly long _maxCharacters;
    private int _count;
    private long _characters;
    private int _evicting;

    /// <summary>
    /// A logical clock counting look-ups: what <see cref="Entry.LastUsed"/> is measured in (cheaper than reading time).
    /// Not incremented atomically: a look-up lost among concurrent ones only blurs the order of entries used at once.
    /// </summary>
    private long _clock;

    /// <param name="capacity">Most documents kept; 0 or less disables caching.</param>
    /// <param name="maxCharacters">Most characters of document text kept, all documents together.</param>
    public DocumentCache(int capacity, long maxCharacters)
    {
        _capacity = capacity;
        _maxCharacters = maxCharacters;
    }

    /// <summary>How many documents are cached.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>How many characters of document text are cached.</summary>
    public long Characters => Interlocked.Read(ref _characters);

    /// <summary>How many look-ups there were (the logical clock; exact when they did not run at once).</summary>
    public long Lookups => Volatile.Read(ref _clock);

    public PreparedDocument GetOrPrepare(string query, Func<string, PreparedDocument> prepare)
    {
        if (_capacity <= 0 || query.Length > _maxCharacters / 10)
        {
            return prepare(query);
        }

        var now = ++_clock;
        if (!_entries.TryGetValue(query, out var entry))
        {
            // Stamped before it is counted: the eviction its arrival may start must not take it for the least recently used.
            var created = new Entry { LastUsed = now };
            if (_entries.TryAdd(query, created))
            {
                entry = created;
                var count = Interlocked.Increment(ref _count);
                var characters = Interlocked.Add(ref _characters, query.Length);
                if (count > _capacity || characters > _maxCharacters)
                {
                    Evict();
                }
            }
            else if (!_entries.TryGetValue(query, out entry))
            {
                entry = created;
            }
        }

        entry.LastUsed = now;
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
            // Sorted by the times read once: requests keep touching entries while this runs.
            var snapshot = _entries.ToArray();
            var lastUsed = new long[snapshot.Length];
            for (var i = 0; i < snapshot.Length; i++)
            {
                lastUsed[i] = snapshot[i].Value.LastUsed;
            }

            Array.Sort(lastUsed, snapshot);
            var keepCount = _capacity - _capacity / 10;
            var keepCharacters = _maxCharacters - _maxCharacters / 10;
            for (var i = 0; i < snapshot.Length && (Count > keepCount || Characters > keepCharacters); i++)
            {
                if (_entries.TryRemove(snapshot[i]))
                {
                    Interlocked.Decrement(ref _count);
                    Interlocked.Add(ref _characters, -snapshot[i].Key.Length);
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
