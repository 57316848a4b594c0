using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Documents;

/// <summary>
/// A document ready to execute (parsed, and validated when it came through <see cref="RequestExecutor"/>), with its
/// fragments and operations indexed and each operation's plan built on first use; or the errors that stop it.
/// </summary>
internal sealed class PreparedDocument
{
    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> NoFragments =
        new Dictionary<string, FragmentDefinitionNode>(0);

    private readonly Schema? _schema;
    private readonly PlanStatistics? _statistics;
    private readonly OperationDefinitionNode[] _operations = [];
    private readonly OperationPlan?[] _plans = [];
    private readonly IReadOnlyDictionary<string, FragmentDefinitionNode> _fragments = NoFragments;

    private PreparedDocument(IReadOnlyList<GraphQLError> errors) => Errors = errors;

    private PreparedDocument(Schema schema, DocumentNode document, PlanStatistics statistics)
    {
        _schema = schema;
        _statistics = statistics;
        var operations = new List<OperationDefinitionNode>();
        Dictionary<string, FragmentDefinitionNode>? fragments = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    operations.Add(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    (fragments ??= new(StringComparer.Ordinal))[fragment.Name.Value] = fragment;
                    break;
            }
        }

        _operations = operations.ToArray();
        _plans = new OperationPlan?[_operations.Length];
        _fragments = fragments ?? NoFragments;
    }

    /// <summary>Why the document cannot execute (syntax, limits, validation); null when it can.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    public static PreparedDocument Failed(IReadOnlyList<GraphQLError> errors) => new(errors);

    public static PreparedDocument Create(Schema schema, DocumentNode document, PlanStatistics statistics) =>
        new(schema, document, statistics);

    /// <summary>The plan of the operation a request names (graphql-js's operation selection and messages).</summary>
    public OperationPlan? SelectOperation(string? operationName, out GraphQLError? error)
    {
        error = null;
        var index = -1;
        if (operationName is null)
        {
            if (_operations.Length == 1)
            {
                index = 0;
            }
            else
            {
                error = new GraphQLError(
                    _operations.Length == 0 ? "Must provide an operation." : "Must provide operation name if query contains multiple operations.",
                    code: ErrorCodes.OperationResolutionFailure);
                return null;
            }
        }
        else
        {
            for (var i = 0; i < _operations.Length; i++)
            {
                if (_operations[i].Name?.Value == operationName)
                {
                    index = i;
                }
            }

            if (index < 0)
            {
                error = new GraphQLError($"Unknown operation named \"{operationName}\".", code: ErrorCodes.OperationResolutionFailure);
                return null;
            }
        }

        var plan = Volatile.Read(ref _plans[index]);
        if (plan is null)
        {
            var created = new OperationPlan(_schema!, _operations[index], _fragments, _statistics!);
            plan = Interlocked.CompareExchange(ref _plans[index], created, null) ?? created;
        }

        return plan;
    }
}
