using Ipp.Graph.Engine.Language.Ast;

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

    // A fragment's entry depth is the number of introspection lists above the spread entering it. Its own lists add to
    // that, so a fragment that stays under the limit from one entry depth does so from any shallower one, and one that
    // reaches the limit does so from any deeper one. What was learnt is kept for every root of the document.
    private readonly Dictionary<string, int> _underLimitFrom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reachesLimitFrom = new(StringComparer.Ordinal);

    public MaxIntrospectionDepthRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Field)) => _context = context;

    public override void Enter(Node node)
    {
        var field = (FieldNode)node;
        if (field.Name.Value is not ("__schema" or "__type"))
        {
            return;
        }

        // The fragments entered from this root so far (those still being checked too), with their deepest entry depth.
        var entered = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ReachesLimit(field, entered, 0, 0))
        {
            _context.ReportError("Maximum introspection depth exceeded", field);
            SkipChildren();
        }
    }

    private bool ReachesLimit(SelectionNode node, Dictionary<string, int> entered, int depth, int nesting)
    {
        AstValidationContext.EnsureSufficientStack(nesting);
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_reachesLimitFrom.TryGetValue(name, out var reachingDepth) && reachingDepth <= depth)
            {
                return true;
            }

            // Entered before from this depth or a deeper one (a cycle, a repeat, or a check that stayed under the limit).
            if ((entered.TryGetValue(name, out var enteredDepth) && enteredDepth >= depth)
                || (_underLimitFrom.TryGetValue(name, out var underDepth) && underDepth >= depth))
            {
                return false;
            }

            if (_context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            entered[name] = depth;
            if (SelectionsReachLimit(fragment.SelectionSet, entered, depth, nesting + 1))
            {
                _reachesLimitFrom[name] = depth;
                return true;
            }

            _underLimitFrom[name] = depth;
            return false;
        }

        if (node is FieldNode field)
        {
            if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
            {
                return true;
            }

            return field.SelectionSet is { } selectionSet && SelectionsReachLimit(selectionSet, entered, depth, nesting + 1);
        }

        return SelectionsReachLimit(((InlineFragmentNode)node).SelectionSet, entered, depth, nesting + 1);
    }

    private bool SelectionsReachLimit(SelectionSetNode selectionSet, Dictionary<string, int> entered, int depth, int nesting)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (ReachesLimit(selection, entered, depth, nesting))
            {
                return true;
            }
        }

        return false;
    }
}
