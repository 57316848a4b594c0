using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

/// <summary>Two fields (with the sub-fields that explain it) sharing a response name that cannot be merged, and why.</summary>
internal sealed class FieldConflict(string responseName, string reason, List<FieldNode> fields1, List<FieldNode> fields2)
{
    public string ResponseName { get; } = responseName;

    public string Reason { get; } = reason;

    public List<FieldNode> Fields1 { get; } = fields1;

    public List<FieldNode> Fields2 { get; } = fields2;
}

/// <summary>
/// Collects conflicts up to a capacity: enough for every error the run can still report, or, for conflicts between
/// sub-fields, enough for the message and locations of the conflict they explain. Searching stops when it is full.
/// </summary>
internal sealed class ConflictList(int capacity)
{
    private static readonly List<FieldConflict> NoConflicts = [];
    private List<FieldConflict>? _items;

    /// <summary>The conflicts found, in order (a shared empty list when none).</summary>
    public List<FieldConflict> Items => _items ?? NoConflicts;

    public bool IsFull => (_items?.Count ?? 0) >= capacity;

    public void Add(FieldConflict conflict) => (_items ??= []).Add(conflict);
}
