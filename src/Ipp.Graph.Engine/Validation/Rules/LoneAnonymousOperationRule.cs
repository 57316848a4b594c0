using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>An anonymous operation is the only operation of its document (spec: Lone Anonymous Operation).</summary>
public sealed class LoneAnonymousOperationRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private int _operationCount;

    public LoneAnonymousOperationRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Document, NodeKind.OperationDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        if (node is DocumentNode document)
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is OperationDefinitionNode)
                {
                    _operationCount++;
                }
            }
        }
        else if (node is OperationDefinitionNode { Name: null } && _operationCount > 1)
        {
            _context.ReportError("This anonymous operation must be the only defined operation.", node);
        }
    }
}
