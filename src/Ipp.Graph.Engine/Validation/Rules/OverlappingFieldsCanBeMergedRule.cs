using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Fields that share a response name in a selection set (fragments included) can be merged: they select the same
/// field with the same arguments (unless their parents are different object types), return types of the same shape,
/// and their sub-selections can be merged too (spec: Field Selection Merging). See <see cref="FieldConflictFinder"/>
/// for how the comparisons stay cheap on hostile documents.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private readonly ValidationContext _context;
    private readonly bool _useFieldClasses;
    private FieldConflictFinder? _finder;

    public OverlappingFieldsCanBeMergedRule(ValidationContext context)
        : this(context, useFieldClasses: true)
    {
    }

    internal OverlappingFieldsCanBeMergedRule(ValidationContext context, bool useFieldClasses)
        : base(NodeKindSet.Of(NodeKind.SelectionSet))
    {
        _context = context;
        _useFieldClasses = useFieldClasses;
    }

    /// <summary>The comparisons of this run, made when the first selection set needing them is found.</summary>
    internal FieldConflictFinder Finder => _finder ??= new FieldConflictFinder(_context, _useFieldClasses);

    public override void Enter(Node node)
    {
        // An inline fragment's fields are checked with those of the selection set around it.
        if (_context.Parent is InlineFragmentNode)
        {
            return;
        }

        var selections = ((SelectionSetNode)node).Selections;
        if (selections.Count <= 1 && (selections.Count == 0 || selections[0] is not InlineFragmentNode))
        {
            return;
        }

        var conflicts = Finder.FindConflictsWithinSelectionSet(_context.ParentType, (SelectionSetNode)node, _context.RemainingErrorCapacity + 1);
        foreach (var conflict in conflicts)
        {
            _context.ReportError(
                $"Fields \"{FieldConflictFinder.Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. "
                + "Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]);
        }
    }
}
