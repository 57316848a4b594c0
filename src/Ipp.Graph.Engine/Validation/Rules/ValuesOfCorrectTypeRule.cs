using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every literal value is valid for the type its position expects (spec: Values of Correct Type): scalars and enums
/// accept it, input objects get all their required fields and only fields they define, a @oneOf input object gets
/// exactly one non-null field, and non-null positions do not get null.
/// </summary>
public sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    private readonly ValidationContext _context;

    public ValuesOfCorrectTypeRule(ValidationContext context)
        : base(NodeKindSet.Of(
            NodeKind.ListValue,
            NodeKind.ObjectValue,
            NodeKind.ObjectField,
            NodeKind.NullValue,
            NodeKind.EnumValue,
            NodeKind.IntValue,
            NodeKind.FloatValue,
            NodeKind.StringValue,
            NodeKind.BooleanValue)) => _context = context;

    public override void Enter(Node node)
    {
        switch (node)
        {
            case ListValueNode list:
                // TypeInfo already expects the item type here; the list's own type is the parent input type.
                if (_context.ParentInputType?.Nullable is not ListType)
                {
                    CheckLeafValue(list);
                    SkipChildren();
                }

                break;
            case ObjectValueNode objectValue:
                if (_context.InputType?.Named is InputObjectType inputObject)
                {
                    CheckInputObject(objectValue, inputObject);
                }
                else
                {
                    CheckLeafValue(objectValue);
                    SkipChildren();
                }

                break;
            case ObjectFieldNode field:
                if (_context.InputType is null && _context.ParentInputType?.Named is InputObjectType parentType)
                {
                    var name = field.Name.Value;
                    var suggestions = _context.HideSuggestions ? [] : SuggestionList.Find(name, parentType.Fields.Select(f => f.Name));
                    _context.ReportError($"Field \"{name}\" is not defined by type \"{parentType.Name}\"." + DidYouMean.Format(suggestions), field);
                }

                break;
            case NullValueNode:
                if (_context.InputType is NonNullType nonNullType)
                {
                    _context.ReportError($"Expected value of type \"{nonNullType}\", found {Printer.Print(node)}.", node);
                }

                break;
            default:
                CheckLeafValue((ValueNode)node);
                break;
        }
    }

    private void CheckInputObject(ObjectValueNode node, InputObjectType type)
    {
        var fields = node.Fields;

        // Large literals are indexed; small ones are searched.
        Dictionary<string, ObjectFieldNode>? byName = null;
        if (fields.Count > 8)
        {
            byName = new Dictionary<string, ObjectFieldNode>(fields.Count, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                byName[field.Name.Value] = field;
            }
        }

        foreach (var fieldDefinition in type.Fields)
        {
            if (fieldDefinition.IsRequired && !(byName?.ContainsKey(fieldDefinition.Name) ?? LastNamed(fields, fieldDefinition.Name) is not null))
            {
                _context.ReportError(
                    $"Field \"{type.Name}.{fieldDefinition.Name}\" of required type \"{fieldDefinition.Type}\" was not provided.", node);
            }
        }

        if (!type.IsOneOf)
        {
            return;
        }

        // Exactly one field name, given once or more (the last value counts, as with graphql-js's keyMap).
        var onlyName = fields.Count > 0 ? fields[0].Name.Value : null;
        for (var i = 1; i < fields.Count && onlyName is not null; i++)
        {
            if (fields[i].Name.Value != onlyName)
            {
                onlyName = null;
            }
        }

        if (onlyName is null)
        {
            _context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
        }
        else if (fields[^1].Value is NullValueNode)
        {
            _context.ReportError($"Field \"{type.Name}.{onlyName}\" must be non-null.", node);
        }
    }

    private static ObjectFieldNode? LastNamed(IReadOnlyList<ObjectFieldNode> fields, string name)
    {
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Name.Value == name)
            {
                return fields[i];
            }
        }

        return null;
    }

    /// <summary>Checks a literal against the leaf (scalar or enum) type its position expects; any other type rejects it.</summary>
    private void CheckLeafValue(ValueNode node)
    {
        if (_context.InputType is not { } locationType)
        {
            return;
        }

        switch (locationType.Named)
        {
            case EnumType enumType:
                CheckEnumValue(node, enumType);
                break;
            case ScalarType scalar:
                CheckScalarValue(node, scalar, locationType);
                break;
            default:
                _context.ReportError($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
                break;
        }
    }

    private void CheckScalarValue(ValueNode node, ScalarType scalar, GraphQLType locationType)
    {
        try
        {
            scalar.ParseLiteral(node, null);
        }
        catch (GraphQLError error)
        {
            _context.ReportError(new GraphQLError(
                error.Message,
                error.Locations ?? GraphQLError.LocationsOf([node]),
                path: null,
                code: ErrorCodes.ValidationFailed,
                extensions: error.Extensions,
                originalError: error.InnerException));
        }
        catch (Exception exception)
        {
            _context.ReportError(new GraphQLError(
                $"Expected value of type \"{locationType}\", found {Printer.Print(node)}; {exception.Message}",
                GraphQLError.LocationsOf([node]),
                path: null,
                code: ErrorCodes.ValidationFailed,
                originalError: exception));
        }
    }

    /// <summary>An enum accepts only the names of its values, written as enum literals (graphql-js's GraphQLEnumType.parseLiteral).</summary>
    private void CheckEnumValue(ValueNode node, EnumType enumType)
    {
        if (node is EnumValueNode enumValue && enumType.GetValue(enumValue.Value) is not null)
        {
            return;
        }

        var valueText = Printer.Print(node);
        var suggestion = _context.HideSuggestions
            ? ""
            : DidYouMean.Format("the enum value", SuggestionList.Find(valueText, enumType.Values.Select(value => value.Name)));
        var message = node is EnumValueNode
            ? $"Value \"{valueText}\" does not exist in \"{enumType.Name}\" enum."
            : $"Enum \"{enumType.Name}\" cannot represent non-enum value: {valueText}.";
        _context.ReportError(message + suggestion, node);
    }
}
