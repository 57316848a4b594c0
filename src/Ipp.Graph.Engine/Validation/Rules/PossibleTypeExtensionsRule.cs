using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>An extension extends a type that exists (in the document or the schema extended) and is of the same kind.</summary>
public sealed class PossibleTypeExtensionsRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly Dictionary<string, TypeDefinitionNode> _definedTypes = new(StringComparer.Ordinal);

    public PossibleTypeExtensionsRule(SdlValidationContext context)
        : base(NodeKindSet.TypeExtensions)
    {
        _context = context;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                _definedTypes[type.Name.Value] = type;
            }
        }
    }

    public override void Enter(Node node)
    {
        var extension = (TypeExtensionNode)node;
        var typeName = extension.Name.Value;
        var definition = _definedTypes.GetValueOrDefault(typeName);
        NodeKind? expectedKind = definition is not null
            ? ExtensionKindOf(definition.Kind)
            : _context.SchemaToExtend?.GetType(typeName) is { } existing ? ExtensionKindOf(existing) : null;

        if (expectedKind is null)
        {
            var candidates = _definedTypes.Keys.Concat(_context.SchemaToExtend?.TypeMap.Keys ?? []);
            _context.ReportError(
                $"Cannot extend type \"{typeName}\" because it is not defined." + DidYouMean.Format(SuggestionList.Find(typeName, candidates)),
                extension.Name);
            return;
        }

        if (expectedKind != extension.Kind)
        {
            var message = $"Cannot extend non-{KindName(extension.Kind)} type \"{typeName}\".";
            if (definition is not null)
            {
                _context.ReportError(message, definition, extension);
            }
            else
            {
                _context.ReportError(message, extension);
            }
        }
    }

    private static NodeKind? ExtensionKindOf(NodeKind definitionKind) => definitionKind switch
    {
        NodeKind.ScalarTypeDefinition => NodeKind.ScalarTypeExtension,
        NodeKind.ObjectTypeDefinition => NodeKind.ObjectTypeExtension,
        NodeKind.InterfaceTypeDefinition => NodeKind.InterfaceTypeExtension,
        NodeKind.UnionTypeDefinition => NodeKind.UnionTypeExtension,
        NodeKind.EnumTypeDefinition => NodeKind.EnumTypeExtension,
        NodeKind.InputObjectTypeDefinition => NodeKind.InputObjectTypeExtension,
        _ => null,
    };

    private static NodeKind? ExtensionKindOf(NamedType type) => type switch
    {
        ScalarType => NodeKind.ScalarTypeExtension,
        ObjectType => NodeKind.ObjectTypeExtension,
        InterfaceType => NodeKind.InterfaceTypeExtension,
        UnionType => NodeKind.UnionTypeExtension,
        EnumType => NodeKind.EnumTypeExtension,
        InputObjectType => NodeKind.InputObjectTypeExtension,
        _ => null,
    };

    private static string KindName(NodeKind extensionKind) => extensionKind switch
    {
        NodeKind.ScalarTypeExtension => "scalar",
        NodeKind.ObjectTypeExtension => "object",
        NodeKind.InterfaceTypeExtension => "interface",
        NodeKind.UnionTypeExtension => "union",
        NodeKind.EnumTypeExtension => "enum",
        _ => "input object",
    };
}
