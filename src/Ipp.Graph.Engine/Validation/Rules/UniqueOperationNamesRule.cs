using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>No two operations share a name (spec: Operation Name Uniqueness).</summary>
public sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public UniqueOperationNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        if (node is OperationDefinitionNode { Name: { } name })
        {
            if (_known.TryGetValue(name.Value, out var first))
            {
                _context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
            }
            else
            {
                _known[name.Value] = name;
            }
        }
    }
}
