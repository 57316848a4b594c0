using System.Collections.Concurrent;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// Keeps the operation names that metrics and span names carry to a bounded set: clients choose operation names, so
/// without a bound every new name would be a new time series. The first <see cref="TelemetrySettings.MaxOperationNames"/>
/// names seen (each at most <see cref="MaxLength"/> characters) are kept as they are; any other is <see cref="Other"/>.
/// </summary>
public sealed class OperationNames
{
    /// <summary>The longest name kept; a longer one is <see cref="Other"/>.</summary>
    public const int MaxLength = 100;

    /// <summary>What a name beyond the bound is recorded as (OpenTelemetry's value for "something else").</summary>
    public const string Other = "_OTHER";

    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly int _max;

    public OperationNames(int max) => _max = max;

    /// <summary><paramref name="name"/> when it is (or now becomes) one of the kept names, else <see cref="Other"/>; null stays null.</summary>
    public string? Bound(string? name)
    {
        if (name is null || _known.ContainsKey(name))
        {
            return name;
        }

        // Two names arriving at once may both pass the count: the bound is exceeded by a few at most.
        if (name.Length > MaxLength || _known.Count >= _max)
        {
            return Other;
        }

        _known.TryAdd(name, 0);
        return name;
    }
}
