using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Each directive is defined once, and not again when the schema being extended has it.</summary>
public sealed class UniqueDirectiveNamesRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public UniqueDirectiveNamesRule(SdlValidationContext context)
        : base(NodeKindSet.Of(NodeKind.DirectiveDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        var name = ((DirectiveDefinitionNode)node).Name;
        if (_context.SchemaToExtend?.GetDirective(name.Value) is not null)
        {
            _context.ReportError($"Directive \"@{name.Value}\" already exists in the schema. It cannot be redefined.", name);
            return;
        }

        if (_known.TryGetValue(name.Value, out var first))
        {
            _context.ReportError($"There can be only one directive named \"@{name.Value}\".", first, name);
        }
        else
        {
            _known[name.Value] = name;
        }

        SkipChildren();
    }
}
