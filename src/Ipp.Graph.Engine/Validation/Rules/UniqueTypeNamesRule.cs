using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Each named type is defined once, and not again when the schema being extended has it.</summary>
public sealed class UniqueTypeNamesRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public UniqueTypeNamesRule(SdlValidationContext context)
        : base(NodeKindSet.TypeDefinitions) => _context = context;

    public override void Enter(Node node)
    {
        SkipChildren();
        var name = ((TypeDefinitionNode)node).Name;
        if (_context.SchemaToExtend?.GetType(name.Value) is not null)
        {
            _context.ReportError(
                $"Type \"{name.Value}\" already exists in the schema. It cannot also be defined in this type definition.", name);
            return;
        }

        if (_known.TryGetValue(name.Value, out var first))
        {
            _context.ReportError($"There can be only one type named \"{name.Value}\".", first, name);
        }
        else
        {
            _known[name.Value] = name;
        }
    }
}
