namespace Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

/// <summary>
/// The fields of a selection set for one parent type, inline fragments flattened, grouped by response name in order
/// of first appearance, and the names of the fragments spread in it (graphql-js's collectFields result). Computed once
/// per selection set and parent type, with the memos of comparisons made against it.
/// </summary>
internal sealed class CollectedFields
{
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);

    public List<(string ResponseName, List<FieldEntry> Fields)> Groups { get; } = [];

    public List<string> FragmentNames { get; } = [];

    /// <summary>
    /// Fragments already compared with these fields: false when compared where the parents may overlap (covers every
    /// later comparison), true when compared only where they are mutually exclusive.
    /// </summary>
    public Dictionary<string, bool>? ComparedFragments { get; set; }

    /// <summary>
    /// For a fragment's fields: the number of their class structure (<see cref="FieldConflictFinder"/>), equal for
    /// fragments whose comparisons with anything depend only on it; -1 when they spread fragments or contain fields
    /// without a class; null until computed.
    /// </summary>
    public int? Signature { get; set; }

    /// <summary>The groups these fields share by response name with another collection, by that collection.</summary>
    public Dictionary<CollectedFields, List<(string ResponseName, List<FieldEntry> Fields1, List<FieldEntry> Fields2)>>? Overlaps { get; set; }

    public List<FieldEntry>? Get(string responseName) =>
        _indexByName.TryGetValue(responseName, out var index) ? Groups[index].Fields : null;

    public void Add(string responseName, FieldEntry entry)
    {
        if (_indexByName.TryGetValue(responseName, out var index))
        {
            Groups[index].Fields.Add(entry);
        }
        else
        {
            _indexByName[responseName] = Groups.Count;
            Groups.Add((responseName, [entry]));
        }
    }
}
