using System.Diagnostics;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// Starts the observation of a GraphQL operation (<see cref="OperationObservation"/>): a span named as OpenTelemetry's
/// GraphQL conventions say (<c>query GetExperiments</c>; the type alone when the name is not kept, <c>GraphQL
/// Operation</c> when the request selects no operation) and the operation's metrics. The request runner asks only
/// when <see cref="IsListening"/>, so nothing is looked up, allocated or measured while nobody listens.
/// </summary>
public sealed class OperationTelemetry
{
    private readonly OperationNames _names;

    public OperationTelemetry(TelemetrySettings settings) => _names = new OperationNames(settings.MaxOperationNames);

    /// <summary>True when a span would be recorded or an instrument of operations is listened to.</summary>
    public static bool IsListening => GraphQLMetrics.Enabled || ServerTelemetry.Source.HasListeners();

    /// <summary>
    /// Starts observing <paramref name="operation"/> (null: the request selects none it can run). Call it inside
    /// the async method that runs the operation, so the span is the current one for what the operation does.
    /// </summary>
    public OperationObservation Start(OperationDefinitionNode? operation)
    {
        var type = operation is null ? null : TypeName(operation.Operation);
        var name = operation?.Name?.Value;
        var kept = _names.Bound(name);
        var activity = ServerTelemetry.Source.HasListeners()
            ? ServerTelemetry.Source.StartActivity(SpanName(type, kept), ActivityKind.Server)
            : null;
        if (activity is not null)
        {
            activity.SetTag(OperationObservation.TypeAttribute, type);
            if (name is { Length: <= OperationNames.MaxLength })
            {
                activity.SetTag(OperationObservation.NameAttribute, name);
            }
        }

        return new OperationObservation(activity, type, kept);
    }

    /// <summary><c>graphql.operation.type</c>'s values.</summary>
    private static string TypeName(OperationType type) => type switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string SpanName(string? type, string? name) =>
        type is null ? "GraphQL Operation"
        : name is null or OperationNames.Other ? type
        : type + " " + name;
}
