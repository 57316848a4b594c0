using Ipp.Graph.Health;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ipp.Graph.Telemetry;

/// <summary>
/// OpenTelemetry for the server (settings section "Telemetry"): the server's spans (<see cref="ServerTelemetry"/>)
/// and ASP.NET Core's, the server's metrics with ASP.NET Core's (<c>http.server.request.duration</c>, Kestrel's) and
/// the runtime's, and the logs, exported over OTLP when an endpoint is configured, and the metrics served for
/// Prometheus when enabled. With neither, the SDK is not even registered: nothing listens, nothing is measured.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name exporters report when OTEL_SERVICE_NAME does not give one.</summary>
    public const string ServiceName = "ipp-graph";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        settings.Validate();
        services.AddSingleton(settings);
        services.AddSingleton<OperationTelemetry>();
        services.AddSingleton<IInterceptor>(DatabaseMetrics.Interceptor);

        var otlp = settings.Otlp.Endpoint.Length > 0 || !string.IsNullOrEmpty(configuration[TelemetrySettings.OtlpEndpointVariable]);
        if (!otlp && !settings.Prometheus.Enabled)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service; each instance gets its own service.instance.id.
                if (string.IsNullOrEmpty(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (settings.Prometheus.Enabled)
                {
                    // Every scrape sees the values of that moment.
                    metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });

        if (settings.Prometheus.Enabled)
        {
            services.AddTransient<IStartupFilter>(_ => new PrometheusStartupFilter(settings.Prometheus.Path));
        }

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ServerTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path, settings)));
            if (settings.Otlp.Endpoint.Length > 0)
            {
                var protocol = settings.Otlp.Protocol == OtlpSettings.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                telemetry.UseOtlpExporter(protocol, new Uri(settings.Otlp.Endpoint));
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        return services;
    }

    /// <summary>Health probes and scrapes: asked every few seconds by machines, they would bury the requests' traces.</summary>
    private static bool IsProbe(PathString path, TelemetrySettings settings) =>
        path.StartsWithSegments(HealthEndpoint.Path) || (settings.Prometheus.Enabled && path.Equals(settings.Prometheus.Path));

    /// <summary>Serves the Prometheus scrape endpoint ahead of the rest of the pipeline.</summary>
    private sealed class PrometheusStartupFilter(string path) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(path);
            next(app);
        };
    }
}
