using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// The server's own source of spans and its meter, both named <see cref="Name"/>. They cost next to nothing while
/// nobody listens (an instrument without a listener records nothing, a source without one starts no span); the
/// OpenTelemetry SDK listens only when an exporter is configured (<see cref="TelemetrySettings"/>).
/// </summary>
public static class ServerTelemetry
{
    /// <summary>The name of the server's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "Ipp.Graph";

    private static readonly string? Version = typeof(ServerTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>Starts a span per GraphQL operation (<see cref="OperationTelemetry"/>).</summary>
    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>Holds every instrument of the server (<see cref="GraphQLMetrics"/>, <see cref="TransportMetrics"/>, …).</summary>
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>
    /// Bucket boundaries, in seconds, for durations of requests and operations: OpenTelemetry's advice for
    /// <c>http.server.request.duration</c>, which ASP.NET Core uses too, so the histograms line up.
    /// </summary>
    internal static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
}
