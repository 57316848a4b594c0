using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Each value of an enum is defined once, across the enum, its extensions and the schema extended.</summary>
public sealed class UniqueEnumValueNamesRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<string, Dictionary<string, NameNode>> _knownByType = new(StringComparer.Ordinal);

    public UniqueEnumValueNamesRule(SdlValidationContext context)
        : base(NodeKindSet.Of(NodeKind.EnumTypeDefinition, NodeKind.EnumTypeExtension)) => _context = context;

    public override void Enter(Node node)
    {
        SkipChildren();
        var (typeName, values) = node is EnumTypeDefinitionNode definition
            ? (definition.Name.Value, definition.Values)
            : (((EnumTypeExtensionNode)node).Name.Value, ((EnumTypeExtensionNode)node).Values);
        if (!_knownByType.TryGetValue(typeName, out var known))
        {
            known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            _knownByType[typeName] = known;
        }

        var existingType = _context.SchemaToExtend?.GetType(typeName) as EnumType;
        foreach (var value in values)
        {
            var name = value.Name;
            if (existingType?.GetValue(name.Value) is not null)
            {
                _context.ReportError(
                    $"Enum value \"{typeName}.{name.Value}\" already exists in the schema. It cannot also be defined in this type extension.",
                    name);
            }
            else if (known.TryGetValue(name.Value, out var first))
            {
                _context.ReportError($"Enum value \"{typeName}.{name.Value}\" can only be defined once.", first, name);
            }
            else
            {
                known[name.Value] = name;
            }
        }
    }
}
