using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Fragments have object, interface or union types as type conditions (spec: Fragments On Composite Types).</summary>
public sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    private readonly ValidationContext _context;

    public FragmentsOnCompositeTypesRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.InlineFragment, NodeKind.FragmentDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        if (node is InlineFragmentNode { TypeCondition: { } condition })
        {
            if (IsNonComposite(condition))
            {
                _context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
            }
        }
        else if (node is FragmentDefinitionNode fragment && IsNonComposite(fragment.TypeCondition))
        {
            _context.ReportError(
                $"Fragment \"{fragment.Name.Value}\" cannot condition on non composite type \"{fragment.TypeCondition.Name.Value}\".",
                fragment.TypeCondition);
        }
    }

    private bool IsNonComposite(NamedTypeNode condition) =>
        _context.Schema.GetType(condition.Name.Value) is { } type && type is not (ComplexType or UnionType);
}
