using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>No input object literal gives the same field twice (spec: Input Object Field Uniqueness).</summary>
public sealed class UniqueInputFieldNamesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    // The names seen in each enclosing object literal, innermost last; the dictionaries are reused.
    private readonly List<Dictionary<string, NameNode>> _levels = [];
    private int _depth;

    public UniqueInputFieldNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.ObjectValue, NodeKind.ObjectField), NodeKindSet.Of(NodeKind.ObjectValue)) => _context = context;

    public override void Enter(Node node)
    {
        if (node is ObjectValueNode)
        {
            if (_depth == _levels.Count)
            {
                _levels.Add(new Dictionary<string, NameNode>(StringComparer.Ordinal));
            }
            else
            {
                _levels[_depth].Clear();
            }

            _depth++;
            return;
        }

        var known = _levels[_depth - 1];
        var name = ((ObjectFieldNode)node).Name;
        if (known.TryGetValue(name.Value, out var first))
        {
            _context.ReportError($"There can be only one input field named \"{name.Value}\".", first, name);
        }
        else
        {
            known[name.Value] = name;
        }
    }

    public override void Leave(Node node) => _depth--;
}
