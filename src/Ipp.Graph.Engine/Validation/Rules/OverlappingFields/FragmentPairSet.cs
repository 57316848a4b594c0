namespace Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

/// <summary>
/// Pairs of fragments already compared, in either order, each marked with whether the comparison assumed mutually
/// exclusive parents: such a comparison does not cover a later one without that assumption.
/// </summary>
internal sealed class FragmentPairSet
{
    private readonly Dictionary<string, Dictionary<string, bool>> _data = new(StringComparer.Ordinal);

    public bool Has(string a, string b, bool mutuallyExclusive) => Has1(a, b, mutuallyExclusive) || Has1(b, a, mutuallyExclusive);

    public void Add(string a, string b, bool mutuallyExclusive)
    {
        if (!_data.TryGetValue(a, out var map))
        {
            map = new Dictionary<string, bool>(StringComparer.Ordinal);
            _data[a] = map;
        }

        map[b] = mutuallyExclusive;
    }

    private bool Has1(string a, string b, bool mutuallyExclusive) =>
        _data.TryGetValue(a, out var map) && map.TryGetValue(b, out var stored) && (mutuallyExclusive || !stored);
}
