using System.Diagnostics.Metrics;

namespace Ipp.Graph.Telemetry;

/// <summary>The instruments of GraphQL operations, whatever transport carries them; recorded by <see cref="OperationObservation"/>.</summary>
public static class GraphQLMetrics
{
    /// <summary>
    /// <c>ipp.graphql.operation.duration</c> (s): how long each operation ran (a subscription: from its start to its
    /// end), by <c>graphql.operation.type</c>, <c>graphql.operation.name</c> and, when it had errors, <c>error.type</c>
    /// (the first error's code). Its count is the number of operations.
    /// </summary>
    public static readonly Histogram<double> OperationDuration = ServerTelemetry.Meter.CreateHistogram(
        "ipp.graphql.operation.duration",
        "s",
        "Duration of GraphQL operations; a subscription's lasts from its start to its end.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ServerTelemetry.DurationBuckets });

    /// <summary><c>ipp.graphql.active_subscriptions</c> ({subscription}): subscriptions running, by <c>graphql.operation.name</c>.</summary>
    public static readonly UpDownCounter<long> ActiveSubscriptions = ServerTelemetry.Meter.CreateUpDownCounter<long>(
        "ipp.graphql.active_subscriptions",
        "{subscription}",
        "GraphQL subscriptions running, over WebSocket and Server-Sent Events.");

    /// <summary>True when anything listens to an instrument of operations.</summary>
    internal static bool Enabled => OperationDuration.Enabled || ActiveSubscriptions.Enabled;
}
