using System.Text.Json;

namespace Ipp.Graph.Engine.JavaScript;

/// <summary>
/// A read-only view of a JSON object however it arrived: a <see cref="JsonElement"/> object or a dictionary of
/// string keys. <see cref="IsNone"/> when the value is not an object (lists included).
/// </summary>
internal readonly struct InputObject
{
    private readonly JsonElement _element;
    private readonly IReadOnlyDictionary<string, object?>? _readOnly;
    private readonly IDictionary<string, object?>? _mutable;

    private InputObject(JsonElement element, IReadOnlyDictionary<string, object?>? readOnly, IDictionary<string, object?>? mutable)
    {
        _element = element;
        _readOnly = readOnly;
        _mutable = mutable;
    }

    public bool IsNone => _readOnly is null && _mutable is null && _element.ValueKind != JsonValueKind.Object;

    public static InputObject Of(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } element => new InputObject(element, null, null),
        IReadOnlyDictionary<string, object?> map => new InputObject(default, map, null),
        IDictionary<string, object?> map => new InputObject(default, null, map),
        _ => default,
    };

    /// <summary>The value of a key; for a JSON object written with a key twice, the last one (as JSON.parse keeps).</summary>
    public bool TryGet(string key, out object? value)
    {
        if (_readOnly is not null)
        {
            return _readOnly.TryGetValue(key, out value);
        }

        if (_mutable is not null)
        {
            return _mutable.TryGetValue(key, out value);
        }

        if (_element.TryGetProperty(key, out var property))
        {
            value = property;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>How many keys there are (a key a JSON object repeats counts each time).</summary>
    public int CountKeys()
    {
        if (_readOnly is not null)
        {
            return _readOnly.Count;
        }

        if (_mutable is not null)
        {
            return _mutable.Count;
        }

        var count = 0;
        foreach (var property in _element.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    /// <summary>The keys in the order they were given.</summary>
    public IEnumerable<string> Keys()
    {
        if (_readOnly is not null)
        {
            return _readOnly.Keys;
        }

        if (_mutable is not null)
        {
            return _mutable.Keys;
        }

        return JsonKeys(_element);
    }

    private static IEnumerable<string> JsonKeys(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            yield return property.Name;
        }
    }
}
