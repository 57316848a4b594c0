using Ipp.Graph.Engine.Language;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// An introspection query (under <c>__schema</c> or <c>__type</c>) nests the introspection lists <c>fields</c>,
/// <c>interfaces</c>, <c>possibleTypes</c> and <c>inputFields</c> fewer than three deep, so it cannot blow up the
/// response (graphql-js's MaxIntrospectionDepthRule, part of its specified rules).
/// </summary>
public sealed class MaxIntrospectionDepthRule : ValidationRule
{
    private const int MaxListsDepth = 3;

    private readonly AstValidationContext _context;

    // For each fragment: the greatest entry depth at which its check completed below the limit, and the smallest at
    // which it reached the limit. Both are shared between the checks of all roots.
    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

    public MaxIntrospectionDepthRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Field)) => _context = context;

    public override void Enter(Node node)
    {
        var field = (FieldNode)node;
        if (field.Name.Value is not ("__schema" or "__type"))
        {
            return;
        }

        // For each fragment, the greatest entry depth at which this root's check visited it (or is visiting it).
        var visitedFragments = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ReachesLimit(field, visitedFragments, 0, 0))
        {
            _context.ReportError("Maximum introspection depth exceeded", field);
            SkipChildren();
        }
    }

    private bool ReachesLimit(SelectionNode node, Dictionary<string, int> visitedFragments, int depth, int nesting)
    {
        AstValidationContext.EnsureSufficientStack(nesting);
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;

            // A check that reached the limit reaches it again from an equal or greater entry depth.
            if (_exceededFragments.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
            {
                return true;
            }

            // From an equal or shallower entry depth, a revisit breaks a cycle or repeats a check that passed.
            if ((visitedFragments.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
                || (_checkedFragments.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
            {
                return false;
            }

            if (_context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visitedFragments[name] = depth;
            if (SelectionsReachLimit(fragment.SelectionSet, visitedFragments, depth, nesting + 1))
            {
                _exceededFragments[name] = depth;
                return true;
            }

            _checkedFragments[name] = depth;
            return false;
        }

        if (node is FieldNode field)
        {
            if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
            {
                return true;
            }

            return field.SelectionSet is { } selectionSet && SelectionsReachLimit(selectionSet, visitedFragments, depth, nesting + 1);
        }

        return SelectionsReachLimit(((InlineFragmentNode)node).SelectionSet, visitedFragments, depth, nesting + 1);
    }

    private bool SelectionsReachLimit(SelectionSetNode selectionSet, Dictionary<string, int> visitedFragments, int depth, int nesting)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (ReachesLimit(selection, visitedFragments, depth, nesting))
            {
                return true;
            }
        }

        return false;
    }
}
