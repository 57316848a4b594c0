using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>No operation defines two variables with the same name (spec: Variable Uniqueness).</summary>
public sealed class UniqueVariableNamesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public UniqueVariableNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        var duplicates = NameGroups.FindDuplicates(((OperationDefinitionNode)node).VariableDefinitions, definition => definition.Variable.Name);
        if (duplicates is null)
        {
            return;
        }

        foreach (var (name, nodes) in duplicates)
        {
            _context.ReportError($"There can be only one variable named \"${name}\".", nodes);
        }
    }
}
