using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>No two fragments share a name (spec: Fragment Name Uniqueness).</summary>
public sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public UniqueFragmentNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.FragmentDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        var name = ((FragmentDefinitionNode)node).Name;
        if (_known.TryGetValue(name.Value, out var first))
        {
            _context.ReportError($"There can be only one fragment named \"{name.Value}\".", first, name);
        }
        else
        {
            _known[name.Value] = name;
        }
    }
}
