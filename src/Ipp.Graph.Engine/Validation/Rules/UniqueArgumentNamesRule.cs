using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>No field or directive is given the same argument twice (spec: Argument Uniqueness).</summary>
public sealed class UniqueArgumentNamesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public UniqueArgumentNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Field, NodeKind.Directive)) => _context = context;

    public override void Enter(Node node)
    {
        var arguments = node is FieldNode field ? field.Arguments : ((DirectiveNode)node).Arguments;
        var duplicates = NameGroups.FindDuplicates(arguments, argument => argument.Name);
        if (duplicates is null)
        {
            return;
        }

        foreach (var (name, nodes) in duplicates)
        {
            _context.ReportError($"There can be only one argument named \"{name}\".", nodes);
        }
    }
}
