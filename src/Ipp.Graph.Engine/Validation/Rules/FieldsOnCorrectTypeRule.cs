using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every selected field is defined on its parent type (spec: Field Selections). The error suggests the types
/// on which the field exists (for an abstract parent), or else similarly named fields.
/// </summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    private readonly ValidationContext _context;

    public FieldsOnCorrectTypeRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Field)) => _context = context;

    public override void Enter(Node node)
    {
        if (_context.ParentType is not { } parentType || _context.FieldDefinition is not null)
        {
            return;
        }

        var fieldName = ((FieldNode)node).Name.Value;
        var suggestion = DidYouMean.Format(
            "to use an inline fragment on",
            _context.HideSuggestions ? [] : SuggestedTypeNames(_context.Schema, parentType, fieldName));
        if (suggestion.Length == 0)
        {
            suggestion = DidYouMean.Format(_context.HideSuggestions ? [] : SuggestedFieldNames(parentType, fieldName));
        }

        _context.ReportError($"Cannot query field \"{fieldName}\" on type \"{parentType.Name}\"." + suggestion, node);
    }

    /// <summary>
    /// The object types and interfaces, among the possible types of an abstract type, that define the field: the most
    /// used first (an interface counts once per implementing type defining it), then super types before sub types,
    /// then by name.
    /// </summary>
    private static IReadOnlyList<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
    {
        if (type is not IAbstractType abstractType)
        {
            return [];
        }

        var suggested = new List<ComplexType>();
        var usageCount = new Dictionary<ComplexType, int>();
        foreach (var possibleType in schema.GetPossibleTypes(abstractType))
        {
            if (possibleType.GetField(fieldName) is null)
            {
                continue;
            }

            if (usageCount.TryAdd(possibleType, 1))
            {
                suggested.Add(possibleType);
            }

            foreach (var possibleInterface in possibleType.Interfaces)
            {
                if (possibleInterface.GetField(fieldName) is null)
                {
                    continue;
                }

                if (usageCount.TryGetValue(possibleInterface, out var count))
                {
                    usageCount[possibleInterface] = count + 1;
                }
                else
                {
                    usageCount[possibleInterface] = 1;
                    suggested.Add(possibleInterface);
                }
            }
        }

        // graphql-js's comparison is not always a consistent order (interfaces and types can form cycles), so the
        // result depends on the sorting algorithm: sort as JavaScript does.
        JsArraySort.Sort(suggested, (a, b) =>
        {
            var byUsage = usageCount[b] - usageCount[a];
            if (byUsage != 0)
            {
                return byUsage;
            }

            if (a is InterfaceType interfaceA && schema.IsSubType(interfaceA, b))
            {
                return -1;
            }

            if (b is InterfaceType interfaceB && schema.IsSubType(interfaceB, a))
            {
                return 1;
            }

            return SuggestionList.NaturalCompare(a.Name, b.Name);
        });
        return suggested.ConvertAll(type => type.Name);
    }

    /// <summary>Fields of the parent type with names close to the unknown one (none for a union).</summary>
    private static IReadOnlyList<string> SuggestedFieldNames(NamedType type, string fieldName) =>
        type is ComplexType complex ? SuggestionList.Find(fieldName, complex.Fields.Select(field => field.Name)) : [];
}
