using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Each field of an object, interface or input object type is defined once, across the type, its extensions and the schema extended.</summary>
public sealed class UniqueFieldDefinitionNamesRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<string, Dictionary<string, NameNode>> _knownByType = new(StringComparer.Ordinal);

    public UniqueFieldDefinitionNamesRule(SdlValidationContext context)
        : base(NodeKindSet.Of(
            NodeKind.InputObjectTypeDefinition,
            NodeKind.InputObjectTypeExtension,
            NodeKind.InterfaceTypeDefinition,
            NodeKind.InterfaceTypeExtension,
            NodeKind.ObjectTypeDefinition,
            NodeKind.ObjectTypeExtension)) => _context = context;

    public override void Enter(Node node)
    {
        SkipChildren();
        var (typeName, fieldNames) = node switch
        {
            InputObjectTypeDefinitionNode input => (input.Name.Value, input.Fields.Select(field => field.Name)),
            InputObjectTypeExtensionNode input => (input.Name.Value, input.Fields.Select(field => field.Name)),
            InterfaceTypeDefinitionNode type => (type.Name.Value, type.Fields.Select(field => field.Name)),
            InterfaceTypeExtensionNode type => (type.Name.Value, type.Fields.Select(field => field.Name)),
            ObjectTypeDefinitionNode type => (type.Name.Value, type.Fields.Select(field => field.Name)),
            _ => (((ObjectTypeExtensionNode)node).Name.Value, ((ObjectTypeExtensionNode)node).Fields.Select(field => field.Name)),
        };
        if (!_knownByType.TryGetValue(typeName, out var known))
        {
            known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            _knownByType[typeName] = known;
        }

        var existingType = _context.SchemaToExtend?.GetType(typeName);
        foreach (var name in fieldNames)
        {
            if (HasField(existingType, name.Value))
            {
                _context.ReportError(
                    $"Field \"{typeName}.{name.Value}\" already exists in the schema. It cannot also be defined in this type extension.",
                    name);
            }
            else if (known.TryGetValue(name.Value, out var first))
            {
                _context.ReportError($"Field \"{typeName}.{name.Value}\" can only be defined once.", first, name);
            }
            else
            {
                known[name.Value] = name;
            }
        }
    }

    private static bool HasField(NamedType? type, string fieldName) => type switch
    {
        ComplexType complex => complex.GetField(fieldName) is not null,
        InputObjectType input => input.GetField(fieldName) is not null,
        _ => false,
    };
}
