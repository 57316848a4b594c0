using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Transport;

/// <summary>
/// The documents clients send in a request's <c>query</c> member, remembered by the member's JSON bytes as sent
/// (escapes and all): clients send the same few documents over and over, and one sent before is then neither
/// unescaped nor copied into a new string (a few KiB for a large document), and the engine's document cache finds
/// the very string it holds. As many texts as the engine caches documents (<c>GraphQL:DocumentCacheSize</c>), within
/// <see cref="BytesPerText"/> bytes each on average; beyond either it starts over, empty.
/// </summary>
public sealed class QueryTexts
{
    /// <summary>The average JSON length per remembered text the memory is sized for; one longer than a tenth of the total is not remembered.</summary>
    public const int BytesPerText = 8_000;

    /// <summary>
    /// The texts by their JSON bytes, read as UTF-16 code units (two bytes each; an odd last byte, always the closing
    /// quote, is left out and the length kept with the text): so the ordinal string comparer hashes them, which turns
    /// to randomized hashing by itself when it sees keys made to collide.
    /// </summary>
    private readonly ConcurrentDictionary<string, Text> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Text>.AlternateLookup<ReadOnlySpan<char>> _byJson;
    private readonly int _capacity;
    private readonly long _maxBytes;
    private int _count;
    private long _bytes;

    /// <param name="capacity">Most texts remembered; 0 or less remembers none.</param>
    public QueryTexts(int capacity)
    {
        _capacity = capacity;
        _maxBytes = (long)Math.Max(capacity, 0) * BytesPerText;
        _byJson = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many texts are remembered.</summary>
    public int Count => _texts.Count;

    /// <summary>The text of a JSON string (<see cref="JsonStrings.GetString"/>'s), the same string as last time for the same bytes.</summary>
    public string Get(JsonElement query)
    {
        var json = JsonMarshal.GetRawUtf8Value(query);
        var key = MemoryMarshal.Cast<byte, char>(json);
        if (_byJson.TryGetValue(key, out var known) && known.JsonLength == json.Length)
        {
            return known.Value;
        }

        var text = JsonStrings.GetString(query);
        if (_capacity > 0 && json.Length <= _maxBytes / 10)
        {
            Remember(new string(key), new Text(text, json.Length));
        }

        return text;
    }

    private void Remember(string key, Text text)
    {
        if (!_texts.TryAdd(key, text))
        {
            return;
        }

        // Counted after the fact; when full, it starts over with the newest text alone. Concurrent requests may leave
        // it a few texts over (or under) its count for a moment.
        if (Interlocked.Increment(ref _count) > _capacity || Interlocked.Add(ref _bytes, text.JsonLength) > _maxBytes)
        {
            _texts.Clear();
            _texts[key] = text;
            Interlocked.Exchange(ref _count, 1);
            Interlocked.Exchange(ref _bytes, text.JsonLength);
        }
    }

    /// <summary>A remembered text and the length of the JSON it was read from.</summary>
    private sealed record Text(string Value, int JsonLength);
}
