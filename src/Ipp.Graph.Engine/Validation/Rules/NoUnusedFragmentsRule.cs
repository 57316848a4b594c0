using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every fragment is used by some operation, directly or through other fragments (spec: Fragments Must Be Used).</summary>
public sealed class NoUnusedFragmentsRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public NoUnusedFragmentsRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition, NodeKind.FragmentDefinition), NodeKindSet.Of(NodeKind.Document)) =>
        _context = context;

    public override void Enter(Node node)
    {
        if (node is OperationDefinitionNode operation)
        {
            _operations.Add(operation);
        }
        else
        {
            _fragments.Add((FragmentDefinitionNode)node);
        }

        SkipChildren();
    }

    public override void Leave(Node node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in _context.GetRecursivelyReferencedFragments(_operations))
        {
            used.Add(fragment.Name.Value);
        }

        foreach (var fragment in _fragments)
        {
            if (!used.Contains(fragment.Name.Value))
            {
                _context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}
