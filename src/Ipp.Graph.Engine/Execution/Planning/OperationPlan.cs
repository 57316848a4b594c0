using System.Collections.Concurrent;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>
/// Everything about one operation of a document that does not depend on a request: its root type, its variable
/// definitions with their types resolved, and its root plans. Variables used by @skip/@include decide which
/// fields exist, so root plans are kept per combination of those variables' values (a small key); an operation
/// without such variables has exactly one plan. Safe to share across concurrent requests.
/// </summary>
internal sealed class OperationPlan
{
    /// <summary>Bits per condition variable in a plan key: absent, null, false, true or another value.</summary>
    private const int BitsPerCondition = 3;

    private const int MaxKeyedConditions = 64 / BitsPerCondition;

    /// <summary>Root plans kept per operation at most; further combinations are planned per request.</summary>
    private const int MaxCachedConditionCombinations = 64;

    private static readonly IReadOnlyDictionary<string, object?> NoConditions = new Dictionary<string, object?>(0);

    /// <summary>Stands for a condition variable holding a non-Boolean value (possible only in unvalidated documents).</summary>
    private static readonly object OtherValue = new();

    private readonly Schema _schema;
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments;
    private readonly PlanStatistics _statistics;
    private readonly string[] _conditionVariables;
    private readonly ConcurrentDictionary<ulong, PlanRoot> _rootsByConditions = new();
    private PlanRoot? _unconditionalRoot;

    public OperationPlan(
        Schema schema,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        PlanStatistics statistics)
    {
        _schema = schema;
        _fragments = fragments;
        _statistics = statistics;
        Operation = operation;
        RootType = schema.GetRootType(operation.Operation);
        Variables = ResolveVariables(schema, operation);
        _conditionVariables = ConditionVariables.Find(operation, fragments);
    }

    public Schema Schema => _schema;

    public OperationDefinitionNode Operation { get; }

    /// <summary>The root type; null when the schema does not support the operation's type.</summary>
    public ObjectType? RootType { get; }

    public VariablePlan[] Variables { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => _fragments;

    /// <summary>The root plan (and the builder of its sub-plans) for a request's coerced variables.</summary>
    public PlanRoot GetRoot(IReadOnlyDictionary<string, object?> variables)
    {
        var rootType = RootType ?? throw new InvalidOperationException("The operation has no root type.");
        if (_conditionVariables.Length == 0)
        {
            return _unconditionalRoot ??= CreateRoot(rootType, NoConditions);
        }

        if (_conditionVariables.Length > MaxKeyedConditions)
        {
            return CreateRoot(rootType, ConditionValues(variables));
        }

        var key = ConditionKey(variables);
        if (_rootsByConditions.TryGetValue(key, out var root))
        {
            return root;
        }

        root = CreateRoot(rootType, ConditionValues(variables));
        return _rootsByConditions.Count < MaxCachedConditionCombinations ? _rootsByConditions.GetOrAdd(key, root) : root;
    }

    private PlanRoot CreateRoot(ObjectType rootType, IReadOnlyDictionary<string, object?> conditionValues)
    {
        var builder = new PlanBuilder(_schema, _fragments, conditionValues, _statistics);
        return new PlanRoot(builder, builder.BuildRootPlan(rootType, Operation.SelectionSet, Operation.Operation));
    }

    private ulong ConditionKey(IReadOnlyDictionary<string, object?> variables)
    {
        ulong key = 0;
        for (var i = 0; i < _conditionVariables.Length; i++)
        {
            ulong state = !variables.TryGetValue(_conditionVariables[i], out var value) ? 0
                : value is null ? 1UL
                : value is false ? 2UL
                : value is true ? 3UL
                : 4UL;
            key |= state << (i * BitsPerCondition);
        }

        return key;
    }

    /// <summary>Only the condition variables' values: plans must not keep a request's other values alive.</summary>
    private Dictionary<string, object?> ConditionValues(IReadOnlyDictionary<string, object?> variables)
    {
        var values = new Dictionary<string, object?>(_conditionVariables.Length, StringComparer.Ordinal);
        foreach (var name in _conditionVariables)
        {
            if (variables.TryGetValue(name, out var value))
            {
                values[name] = value is null or bool ? value : OtherValue;
            }
        }

        return values;
    }

    private static VariablePlan[] ResolveVariables(Schema schema, OperationDefinitionNode operation)
    {
        var definitions = operation.VariableDefinitions;
        var variables = new VariablePlan[definitions.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            var definition = definitions[i];
            variables[i] = new VariablePlan(definition.Variable.Name.Value, TypeFromAst.Resolve(schema, definition.Type), definition);
        }

        return variables;
    }
}

/// <summary>A variable definition with its type resolved against the schema (null when the type does not exist).</summary>
internal sealed record VariablePlan(string Name, GraphQLType? Type, VariableDefinitionNode Definition);

/// <summary>A root plan and the builder that lazily builds the plans below it.</summary>
internal sealed record PlanRoot(PlanBuilder Builder, SelectionSetPlan Plan);
