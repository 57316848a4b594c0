using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Each root operation type is defined once, across the schema definition, its extensions and the schema extended.</summary>
public sealed class UniqueOperationTypesRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<OperationType, OperationTypeDefinitionNode> _defined = [];

    public UniqueOperationTypesRule(SdlValidationContext context)
        : base(NodeKindSet.Of(NodeKind.SchemaDefinition, NodeKind.SchemaExtension)) => _context = context;

    public override void Enter(Node node)
    {
        var operationTypes = node is SchemaDefinitionNode definition ? definition.OperationTypes : ((SchemaExtensionNode)node).OperationTypes;
        var schema = _context.SchemaToExtend;
        foreach (var operationType in operationTypes)
        {
            var operation = operationType.Operation;
            var name = operation.ToString().ToLowerInvariant();
            if (schema?.GetRootType(operation) is not null)
            {
                _context.ReportError($"Type for {name} already defined in the schema. It cannot be redefined.", operationType);
            }
            else if (_defined.TryGetValue(operation, out var first))
            {
                _context.ReportError($"There can be only one {name} type in schema.", first, operationType);
            }
            else
            {
                _defined[operation] = operationType;
            }
        }

        SkipChildren();
    }
}
