using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every variable an operation uses, in its own selections or in the fragments it uses, is defined by that
/// operation (spec: All Variable Uses Defined).
/// </summary>
public sealed class NoUndefinedVariablesRule : ValidationRule
{
    private readonly ValidationContext _context;
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    public NoUndefinedVariablesRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition, NodeKind.VariableDefinition), NodeKindSet.Of(NodeKind.OperationDefinition)) =>
        _context = context;

    public override void Enter(Node node)
    {
        if (node is VariableDefinitionNode definition)
        {
            _defined.Add(definition.Variable.Name.Value);
        }
        else
        {
            _defined.Clear();
        }
    }

    public override void Leave(Node node)
    {
        var operation = (OperationDefinitionNode)node;
        foreach (var usage in _context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!_defined.Contains(name))
            {
                var message = operation.Name is { } operationName
                    ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                    : $"Variable \"${name}\" is not defined.";
                _context.ReportError(message, usage.Node, operation);
            }
        }
    }
}
