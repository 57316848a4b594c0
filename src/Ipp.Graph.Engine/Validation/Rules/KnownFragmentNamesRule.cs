using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every spread fragment is defined in the document (spec: Fragment Spread Target Defined).</summary>
public sealed class KnownFragmentNamesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public KnownFragmentNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.FragmentSpread)) => _context = context;

    public override void Enter(Node node)
    {
        var name = ((FragmentSpreadNode)node).Name;
        if (_context.GetFragment(name.Value) is null)
        {
            _context.ReportError($"Unknown fragment \"{name.Value}\".", name);
        }
    }
}
