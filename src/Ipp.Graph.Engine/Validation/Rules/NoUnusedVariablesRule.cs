using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every variable an operation defines is used, in its own selections or in the fragments it uses (spec: All
/// Variables Used).
/// </summary>
public sealed class NoUnusedVariablesRule : ValidationRule
{
    private readonly ValidationContext _context;
    private readonly List<VariableDefinitionNode> _definitions = [];

    public NoUnusedVariablesRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition, NodeKind.VariableDefinition), NodeKindSet.Of(NodeKind.OperationDefinition)) =>
        _context = context;

    public override void Enter(Node node)
    {
        if (node is VariableDefinitionNode definition)
        {
            _definitions.Add(definition);
        }
        else
        {
            _definitions.Clear();
        }
    }

    public override void Leave(Node node)
    {
        var operation = (OperationDefinitionNode)node;
        if (_definitions.Count == 0)
        {
            return;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var usage in _context.GetRecursiveVariableUsages(operation))
        {
            used.Add(usage.Node.Name.Value);
        }

        foreach (var definition in _definitions)
        {
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
            {
                var message = operation.Name is { } operationName
                    ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                    : $"Variable \"${name}\" is never used.";
                _context.ReportError(message, definition);
            }
        }
    }
}
