using System.Text;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// No fragment spreads itself, directly or through other fragments (spec: Fragment Spreads Must Not Form Cycles).
/// Each cycle is reported once, with the chain of spreads that forms it. The search is a depth-first search
/// without recursion, so long chains of fragments cannot exhaust the stack.
/// </summary>
public sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _spreadPathIndexByName = new(StringComparer.Ordinal);
    private readonly Stack<(string Name, IReadOnlyList<FragmentSpreadNode> Spreads, int Next)> _frames = new();

    public NoFragmentCyclesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.FragmentDefinition)) => _context = context;

    public override void Enter(Node node) => DetectCycles((FragmentDefinitionNode)node);

    private void DetectCycles(FragmentDefinitionNode root)
    {
        if (!TryStart(root))
        {
            return;
        }

        while (_frames.TryPop(out var frame))
        {
            if (frame.Next == frame.Spreads.Count)
            {
                // The fragment is done: it leaves the path, and so does the spread that led to it.
                _spreadPathIndexByName.Remove(frame.Name);
                if (_frames.Count > 0)
                {
                    _spreadPath.RemoveAt(_spreadPath.Count - 1);
                }

                continue;
            }

            var spread = frame.Spreads[frame.Next];
            _frames.Push(frame with { Next = frame.Next + 1 });
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (_spreadPathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                ReportCycle(spreadName, cycleIndex);
            }
            else if (_context.GetFragment(spreadName) is { } target && TryStart(target))
            {
                continue;
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }
    }

    /// <summary>Puts an unvisited fragment with spreads on the path; false when there is nothing to search in it.</summary>
    private bool TryStart(FragmentDefinitionNode fragment)
    {
        var name = fragment.Name.Value;
        if (!_visited.Add(name))
        {
            return false;
        }

        var spreads = _context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return false;
        }

        _spreadPathIndexByName[name] = _spreadPath.Count;
        _frames.Push((name, spreads, 0));
        return true;
    }

    private void ReportCycle(string spreadName, int cycleIndex)
    {
        var cyclePath = _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex);
        var via = new StringBuilder();
        for (var i = 0; i < cyclePath.Count - 1; i++)
        {
            via.Append(i == 0 ? "" : ", ").Append('"').Append(cyclePath[i].Name.Value).Append('"');
        }

        var message = $"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : ".");
        _context.ReportError(message, cyclePath);
    }
}
