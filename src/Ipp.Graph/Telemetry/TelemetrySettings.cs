namespace Ipp.Graph.Telemetry;

/// <summary>
/// The "Telemetry" settings: where the server's traces, metrics and logs go (OpenTelemetry). Nothing is exported and
/// no endpoint is served unless an OTLP endpoint is given or the Prometheus endpoint is enabled.
/// </summary>
public sealed class TelemetrySettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "Telemetry";

    /// <summary>OpenTelemetry's own variable for the OTLP endpoint, which the SDK reads when <see cref="OtlpSettings.Endpoint"/> is empty.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public OtlpSettings Otlp { get; init; } = new();

    public PrometheusSettings Prometheus { get; init; } = new();

    /// <summary>
    /// The most distinct operation names metrics and span names carry (clients choose them: each would be a new time
    /// series); later ones, and names over 100 characters, are recorded as <c>_OTHER</c>. Default 100.
    /// </summary>
    public int MaxOperationNames { get; init; } = 100;

    /// <summary>Throws when a setting is out of range, naming it, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        if (Otlp.Endpoint.Length > 0 && !(Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            throw new InvalidOperationException($"The setting {Section}:Otlp:Endpoint must be an http or https URL (http://collector:4317); \"{Otlp.Endpoint}\" is not one.");
        }

        if (Otlp.Protocol is not (OtlpSettings.Grpc or OtlpSettings.HttpProtobuf))
        {
            throw new InvalidOperationException($"The setting {Section}:Otlp:Protocol must be {OtlpSettings.Grpc} or {OtlpSettings.HttpProtobuf}; \"{Otlp.Protocol}\" is neither.");
        }

        if (!Prometheus.Path.StartsWith('/') || Prometheus.Path.Length < 2 || Prometheus.Path.Contains('?') || Prometheus.Path.Contains('#'))
        {
            throw new InvalidOperationException($"The setting {Section}:Prometheus:Path must be a path below the root (/metrics); \"{Prometheus.Path}\" is not one.");
        }

        if (MaxOperationNames < 0)
        {
            throw new InvalidOperationException($"The setting {Section}:{nameof(MaxOperationNames)} must be zero or more.");
        }
    }
}

/// <summary>The "Telemetry:Otlp" settings: an OpenTelemetry collector (or any OTLP receiver) that gets traces, metrics and logs.</summary>
public sealed class OtlpSettings
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>
    /// The receiver's URL (<c>http://collector:4317</c> for gRPC, <c>http://collector:4318</c> for HTTP, where
    /// <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> are appended). Empty: the standard
    /// OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_EXPORTER_OTLP_* variables) decide; neither: no OTLP export.
    /// </summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>How to reach <see cref="Endpoint"/>: <c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; init; } = Grpc;
}

/// <summary>The "Telemetry:Prometheus" settings: a scrape endpoint serving the metrics in Prometheus' text format.</summary>
public sealed class PrometheusSettings
{
    /// <summary>Whether the endpoint is served. Default false: no endpoint.</summary>
    public bool Enabled { get; init; }

    /// <summary>Where (default <c>/metrics</c>), on every address the server listens on.</summary>
    public string Path { get; init; } = "/metrics";
}
