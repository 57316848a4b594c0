using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>A fragment is spread only where its type can apply: the two types share a possible object type (spec: Fragment Spread Is Possible).</summary>
public sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    private readonly ValidationContext _context;

    public PossibleFragmentSpreadsRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.InlineFragment, NodeKind.FragmentSpread)) => _context = context;

    public override void Enter(Node node)
    {
        var parentType = _context.ParentType;
        if (node is InlineFragmentNode)
        {
            if (_context.Type is NamedType fragmentType && IsComposite(fragmentType) && parentType is not null && IsComposite(parentType)
                && !TypeComparators.DoTypesOverlap(_context.Schema, fragmentType, parentType))
            {
                _context.ReportError(
                    $"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
            }

            return;
        }

        var name = ((FragmentSpreadNode)node).Name.Value;
        if (FragmentType(name) is { } spreadType && parentType is not null
            && !TypeComparators.DoTypesOverlap(_context.Schema, spreadType, parentType))
        {
            _context.ReportError(
                $"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType}\" can never be of type \"{spreadType}\".", node);
        }
    }

    private static bool IsComposite(NamedType type) => type is ComplexType or UnionType;

    private NamedType? FragmentType(string name) =>
        _context.GetFragment(name) is { } fragment && _context.Schema.GetType(fragment.TypeCondition.Name.Value) is { } type && IsComposite(type)
            ? type
            : null;
}
