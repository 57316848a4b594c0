using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Values;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Introspection;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>
/// Collects fields (graphql-js's collectFields) into plans for one operation and one set of values of the
/// variables its @skip/@include directives use. Plans built here never depend on other variable values, so they
/// are shared by every request whose condition variables have the same values.
/// </summary>
internal sealed class PlanBuilder
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>(0);

    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _conditionValues;
    private readonly PlanStatistics _statistics;
    private int _dynamicArgumentSlots;

    public PlanBuilder(
        Schema schema,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> conditionValues,
        PlanStatistics statistics)
    {
        _schema = schema;
        _fragments = fragments;
        _conditionValues = conditionValues;
        _statistics = statistics;
    }

    /// <summary>How many fields of plans built so far coerce their arguments per request.</summary>
    public int DynamicArgumentSlots => Volatile.Read(ref _dynamicArgumentSlots);

    /// <summary>The plan of an operation's root selection set.</summary>
    public SelectionSetPlan BuildRootPlan(ObjectType rootType, SelectionSetNode selectionSet, OperationType operation) =>
        Build(rootType, [selectionSet], operation == OperationType.Subscription);

    /// <summary>The plan of the merged sub-selections of a field's nodes for a runtime object type.</summary>
    public SelectionSetPlan BuildSubPlan(ObjectType runtimeType, FieldNode[] fieldNodes)
    {
        var sets = new List<SelectionSetNode>(fieldNodes.Length);
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is not null)
            {
                sets.Add(node.SelectionSet);
            }
        }

        return Build(runtimeType, sets, isSubscriptionRoot: false);
    }

    private SelectionSetPlan Build(ObjectType type, IReadOnlyList<SelectionSetNode> selectionSets, bool isSubscriptionRoot)
    {
        _statistics.SelectionSetCollected();
        var groups = new FieldGroups();
        var visitedFragments = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var selectionSet in selectionSets)
            {
                Collect(type, selectionSet, groups, visitedFragments);
            }
        }
        catch (GraphQLError error)
        {
            return new SelectionSetPlan(type, [], error);
        }

        var fields = new List<FieldPlan>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var nodes = groups.NodesAt(i);
            if (CreateFieldPlan(type, nodes, fields.Count, isSubscriptionRoot) is { } field)
            {
                fields.Add(field);
            }
        }

        var firstCollected = isSubscriptionRoot && groups.Count > 0 ? groups.NodesAt(0) : null;
        return new SelectionSetPlan(type, fields.ToArray(), null, firstCollected);
    }

    private void Collect(ObjectType type, SelectionSetNode selectionSet, FieldGroups groups, HashSet<string> visitedFragments)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new GraphQLError("Fragments are nested too deeply.", [selectionSet], ErrorCodes.MaxDepthExceeded);
        }

        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (ShouldInclude(field))
                    {
                        groups.Add(field);
                    }

                    break;
                case InlineFragmentNode inline:
                    if (ShouldInclude(inline) && DoesConditionMatch(inline.TypeCondition, type))
                    {
                        Collect(type, inline.SelectionSet, groups, visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visitedFragments.Contains(name) || !ShouldInclude(spread))
                    {
                        continue;
                    }

                    visitedFragments.Add(name);
                    if (_fragments.TryGetValue(name, out var fragment) && DoesConditionMatch(fragment.TypeCondition, type))
                    {
                        Collect(type, fragment.SelectionSet, groups, visitedFragments);
                    }

                    break;
            }
        }
    }

    private bool ShouldInclude(SelectionNode node)
    {
        var directives = node.Directives;
        if (directives.Count == 0)
        {
            return true;
        }

        if (Find(directives, "skip") is { } skip && IsConditionTrue(Directives.Skip, skip) is true)
        {
            return false;
        }

        return !(Find(directives, "include") is { } include && IsConditionTrue(Directives.Include, include) is false);
    }

    private bool? IsConditionTrue(DirectiveDefinition definition, DirectiveNode node)
    {
        var values = ArgumentValues.Coerce(definition.Arguments, node.Arguments, node, _conditionValues);
        return values.TryGetValue("if", out var condition) && condition is bool flag ? flag : null;
    }

    private static DirectiveNode? Find(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }

        return null;
    }

    private bool DoesConditionMatch(NamedTypeNode? typeCondition, ObjectType type)
    {
        if (typeCondition is null)
        {
            return true;
        }

        var conditionType = _schema.GetType(typeCondition.Name.Value);
        if (ReferenceEquals(conditionType, type))
        {
            return true;
        }

        return conditionType is IAbstractType abstractType && _schema.IsSubType(abstractType, type);
    }

    private FieldPlan? CreateFieldPlan(ObjectType parentType, FieldNode[] nodes, int index, bool isSubscriptionRoot)
    {
        if (TypeInfo.GetFieldDefinition(_schema, parentType, nodes[0].Name.Value) is not { } definition)
        {
            return null;
        }

        var kind = ReferenceEquals(definition, IntrospectionTypes.TypeNameMetaField) ? FieldKind.TypeName
            : isSubscriptionRoot && definition.Resolver is null ? FieldKind.SubscriptionEvent
            : FieldKind.Resolve;

        var resolver = definition.Resolver ?? DefaultResolver.Instance;
        var arguments = nodes[0].Arguments;
        if (definition.Arguments.Count == 0)
        {
            return new FieldPlan(this, parentType, definition, nodes, index, resolver, kind) { StaticArguments = NoArguments };
        }

        if (ArgumentValues.ContainVariables(arguments))
        {
            return new FieldPlan(this, parentType, definition, nodes, index, resolver, kind)
            {
                DynamicArgumentSlot = Interlocked.Increment(ref _dynamicArgumentSlots) - 1,
            };
        }

        try
        {
            var coerced = ArgumentValues.Coerce(definition.Arguments, arguments, nodes[0], null);
            return new FieldPlan(this, parentType, definition, nodes, index, resolver, kind) { StaticArguments = coerced };
        }
        catch (GraphQLError error)
        {
            return new FieldPlan(this, parentType, definition, nodes, index, resolver, kind) { StaticArgumentError = error };
        }
    }

    /// <summary>Field nodes grouped by response name, in the order the names first appear.</summary>
    private sealed class FieldGroups
    {
        private readonly List<List<FieldNode>> _groups = [];
        private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);

        public int Count => _groups.Count;

        public void Add(FieldNode field)
        {
            var name = field.ResponseName;
            if (_indexByName.TryGetValue(name, out var index))
            {
                _groups[index].Add(field);
            }
            else
            {
                _indexByName[name] = _groups.Count;
                _groups.Add([field]);
            }
        }

        public FieldNode[] NodesAt(int index) => _groups[index].ToArray();
    }
}
