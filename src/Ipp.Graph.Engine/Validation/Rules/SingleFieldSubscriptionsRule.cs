using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// A subscription selects exactly one top-level field, and not an introspection field (spec: Single Root Field).
/// Fields are collected as the executor would, with no variables: <c>@skip(if: true)</c> and <c>@include(if: false)</c>
/// leave a selection out; any other condition keeps it.
/// </summary>
public sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    private readonly ValidationContext _context;
    private bool _fragmentsIndexed;

    public SingleFieldSubscriptionsRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.OperationDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        var operation = (OperationDefinitionNode)node;
        if (operation.Operation != OperationType.Subscription || _context.Schema.Subscription is not { } subscriptionType)
        {
            return;
        }

        if (!_fragmentsIndexed)
        {
            // graphql-js's work budget charges this rule once for indexing the document's fragments.
            _context.SpendFragmentWork(_context.Document.Definitions.Count);
            _fragmentsIndexed = true;
        }

        var fields = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var responseNames = new List<string>();
        CollectFields(subscriptionType, operation.SelectionSet, fields, responseNames, new HashSet<string>(StringComparer.Ordinal), 0);

        var operationName = operation.Name?.Value;
        if (responseNames.Count > 1)
        {
            var extraFields = new List<FieldNode>();
            for (var i = 1; i < responseNames.Count; i++)
            {
                extraFields.AddRange(fields[responseNames[i]]);
            }

            _context.ReportError(
                operationName is not null
                    ? $"Subscription \"{operationName}\" must select only one top level field."
                    : "Anonymous Subscription must select only one top level field.",
                extraFields);
        }

        foreach (var responseName in responseNames)
        {
            var fieldNodes = fields[responseName];
            if (fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                _context.ReportError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    fieldNodes);
            }
        }
    }

    private void CollectFields(
        ObjectType runtimeType,
        SelectionSetNode selectionSet,
        Dictionary<string, List<FieldNode>> fields,
        List<string> responseNames,
        HashSet<string> visitedFragments,
        int depth)
    {
        AstValidationContext.EnsureSufficientStack(depth);
        ReserveWork(selectionSet);
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field when IsIncluded(field):
                    var responseName = field.ResponseName;
                    if (!fields.TryGetValue(responseName, out var list))
                    {
                        list = [];
                        fields[responseName] = list;
                        responseNames.Add(responseName);
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline when IsIncluded(inline) && ConditionMatches(inline.TypeCondition, runtimeType):
                    CollectFields(runtimeType, inline.SelectionSet, fields, responseNames, visitedFragments, depth + 1);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visitedFragments.Contains(name) || !IsIncluded(spread))
                    {
                        break;
                    }

                    visitedFragments.Add(name);
                    if (_context.GetFragment(name) is { } fragment && ConditionMatches(fragment.TypeCondition, runtimeType))
                    {
                        CollectFields(runtimeType, fragment.SelectionSet, fields, responseNames, visitedFragments, depth + 1);
                    }

                    break;
            }
        }
    }

    /// <summary>graphql-js's work budget for the selection sets this rule collects.</summary>
    private void ReserveWork(SelectionSetNode selectionSet)
    {
        _context.SpendFragmentWork(selectionSet.Selections.Count);
        foreach (var selection in selectionSet.Selections)
        {
            _context.SpendFragmentWork(selection.Directives.Count);
            foreach (var directive in selection.Directives)
            {
                if (directive.Name.Value is "skip" or "include")
                {
                    _context.SpendFragmentWork(directive.Arguments.Count);
                }
            }
        }
    }

    private bool ConditionMatches(NamedTypeNode? typeCondition, ObjectType runtimeType)
    {
        if (typeCondition is null)
        {
            return true;
        }

        var conditionType = _context.Schema.GetType(typeCondition.Name.Value);
        return ReferenceEquals(conditionType, runtimeType)
            || (conditionType is IAbstractType abstractType && _context.Schema.IsSubType(abstractType, runtimeType));
    }

    /// <summary>
    /// False for <c>@skip(if: true)</c> or <c>@include(if: false)</c> (the first directive of each name, its last
    /// <c>if</c>). graphql-js throws out of validation when the condition is a variable or not a boolean literal;
    /// here such a selection is kept, and the other rules report what is wrong with it.
    /// </summary>
    private static bool IsIncluded(SelectionNode selection)
    {
        var directives = selection.Directives;
        if (directives.Count == 0)
        {
            return true;
        }

        return ConditionOf(directives, "skip") is not true && ConditionOf(directives, "include") is not false;
    }

    private static bool? ConditionOf(IReadOnlyList<DirectiveNode> directives, string directiveName)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != directiveName)
            {
                continue;
            }

            ValueNode? condition = null;
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "if")
                {
                    condition = argument.Value;
                }
            }

            return condition is BooleanValueNode boolean ? boolean.Value : null;
        }

        return null;
    }
}
