using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every variable is used where its type is allowed (spec: All Variable Usages Are Allowed): the variable's type is
/// the position's type or a subtype of it, where a nullable variable may fill a non-null position when the variable
/// or the position has a non-null default. Variables given as fields of a @oneOf input object must be non-null.
/// </summary>
public sealed class VariablesInAllowedPositionRule : ValidationRule
{
    private readonly ValidationContext _context;
    private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

    public VariablesInAllowedPositionRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition, NodeKind.VariableDefinition), NodeKindSet.Of(NodeKind.OperationDefinition)) =>
        _context = context;

    public override void Enter(Node node)
    {
        if (node is VariableDefinitionNode definition)
        {
            _definitions[definition.Variable.Name.Value] = definition;
        }
        else
        {
            _definitions.Clear();
        }
    }

    public override void Leave(Node node)
    {
        var schema = _context.Schema;
        foreach (var usage in _context.GetRecursiveVariableUsages((OperationDefinitionNode)node))
        {
            var name = usage.Node.Name.Value;
            if (usage.Type is not { } locationType || !_definitions.TryGetValue(name, out var definition))
            {
                continue;
            }

            var variableType = TypeFromAst.Resolve(schema, definition.Type);
            if (variableType is not null && !IsAllowed(schema, variableType, definition.DefaultValue, locationType, usage.HasDefaultValue))
            {
                _context.ReportError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                    definition,
                    usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not (null or NonNullType))
            {
                _context.ReportError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".",
                    definition,
                    usage.Node);
            }
        }
    }

    private static bool IsAllowed(Schema schema, GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(schema, variableType, locationType);
    }
}
