using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every directive used is defined (by the schema, or by the document itself for SDL) and allowed where it is
/// used (spec: Directives Are Defined, Directives Are In Valid Locations).
/// </summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public KnownDirectivesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Directive)) => _context = context;

    public override void Enter(Node node)
    {
        var name = ((DirectiveNode)node).Name.Value;
        if (!_context.Directives.TryGet(name, out var definition, out var definitionNode))
        {
            _context.ReportError($"Unknown directive \"@{name}\".", node);
            return;
        }

        if (LocationOf(_context.Parent, _context.GetAncestor(1)) is { } location && !IsAllowed(location, definition, definitionNode))
        {
            _context.ReportError($"Directive \"@{name}\" may not be used on {location}.", node);
        }
    }

    private static bool IsAllowed(DirectiveLocation location, DirectiveDefinition? definition, DirectiveDefinitionNode? node)
    {
        if (definition is not null)
        {
            return definition.Locations.Contains(location);
        }

        var locationName = location.ToString();
        foreach (var allowed in node!.Locations)
        {
            if (allowed.Value == locationName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a directive applied to <paramref name="appliedTo"/> is, by the kind of that node.</summary>
    /// <remarks>
    /// graphql-js calls the fields of <c>extend input</c> argument definitions; they are input field definitions,
    /// as the fields of <c>input</c> are.
    /// </remarks>
    private static DirectiveLocation? LocationOf(Node? appliedTo, Node? owner) => appliedTo switch
    {
        OperationDefinitionNode operation => operation.Operation switch
        {
            OperationType.Query => DirectiveLocation.QUERY,
            OperationType.Mutation => DirectiveLocation.MUTATION,
            _ => DirectiveLocation.SUBSCRIPTION,
        },
        FieldNode => DirectiveLocation.FIELD,
        FragmentSpreadNode => DirectiveLocation.FRAGMENT_SPREAD,
        InlineFragmentNode => DirectiveLocation.INLINE_FRAGMENT,
        FragmentDefinitionNode => DirectiveLocation.FRAGMENT_DEFINITION,
        VariableDefinitionNode => DirectiveLocation.VARIABLE_DEFINITION,
        SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.SCHEMA,
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.SCALAR,
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.OBJECT,
        FieldDefinitionNode => DirectiveLocation.FIELD_DEFINITION,
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.INTERFACE,
        UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.UNION,
        EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.ENUM,
        EnumValueDefinitionNode => DirectiveLocation.ENUM_VALUE,
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.INPUT_OBJECT,
        InputValueDefinitionNode => owner is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
            ? DirectiveLocation.INPUT_FIELD_DEFINITION
            : DirectiveLocation.ARGUMENT_DEFINITION,
        DirectiveDefinitionNode => DirectiveLocation.DIRECTIVE_DEFINITION,
        _ => null,
    };
}
