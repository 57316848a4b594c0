using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Leaf fields have no selection; fields of composite types have a non-empty one (spec: Leaf Field Selections).</summary>
public sealed class ScalarLeafsRule : ValidationRule
{
    private readonly ValidationContext _context;

    public ScalarLeafsRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Field)) => _context = context;

    public override void Enter(Node node)
    {
        if (_context.Type is not { } type)
        {
            return;
        }

        var field = (FieldNode)node;
        var fieldName = field.Name.Value;
        if (type.Named is ScalarType or EnumType)
        {
            if (field.SelectionSet is { } selectionSet)
            {
                _context.ReportError(
                    $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (field.SelectionSet is null)
        {
            _context.ReportError(
                $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?",
                field);
        }
        else if (field.SelectionSet.Selections.Count == 0)
        {
            _context.ReportError($"Field \"{fieldName}\" of type \"{type}\" must have at least one field selected.", field);
        }
    }
}
