using System.Net;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Health;
using Ipp.Graph.Telemetry;
using Ipp.Graph.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Ipp.Graph.Tests.Telemetry;

/// <summary>
/// The telemetry settings: off by default (no scrape endpoint: <c>/metrics</c> is what any unknown path is), the
/// endpoint where <c>Telemetry:Prometheus:Path</c> says, bad values stop the start, and appsettings.json documents
/// the defaults the code has.
/// </summary>
public sealed class TelemetrySettingsTests
{
    [Fact]
    public async Task By_default_no_metrics_are_served()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing is served at /metrics.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_scrape_endpoint_is_served_at_its_path_only()
    {
        await using var server = await RunningServer.StartAsync("--Telemetry:Prometheus:Enabled=true", "--Telemetry:Prometheus:Path=/internal/metrics");
        using var client = server.CreateClient();

        var scrape = await PrometheusScrape.ReadAsync(client, "internal/metrics");
        using var elsewhere = await client.GetAsync("metrics");

        Assert.Contains("# TYPE ", scrape.Text);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData("--Telemetry:Otlp:Endpoint=collector:4317", "The setting Telemetry:Otlp:Endpoint must be an http or https URL (http://collector:4317); \"collector:4317\" is not one.")]
    [InlineData("--Telemetry:Otlp:Protocol=http/json", "The setting Telemetry:Otlp:Protocol must be grpc or http/protobuf; \"http/json\" is neither.")]
    [InlineData("--Telemetry:Prometheus:Path=metrics", "The setting Telemetry:Prometheus:Path must be a path below the root (/metrics); \"metrics\" is not one.")]
    [InlineData("--Telemetry:Prometheus:Path=/", "The setting Telemetry:Prometheus:Path must be a path below the root (/metrics); \"/\" is not one.")]
    [InlineData("--Telemetry:MaxOperationNames=-1", "The setting Telemetry:MaxOperationNames must be zero or more.")]
    public async Task A_bad_value_stops_the_server_from_starting_and_names_it(string setting, string message)
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningServer.StartAsync(setting));

        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void Appsettings_json_holds_the_defaults_of_the_code()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.Combine("src", "Ipp.Graph", "appsettings.json")).Build();

        var telemetry = settings.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>()!;
        var defaults = new TelemetrySettings();
        Assert.Equal(
            (defaults.Otlp.Endpoint, defaults.Otlp.Protocol, defaults.Prometheus.Enabled, defaults.Prometheus.Path, defaults.MaxOperationNames),
            (telemetry.Otlp.Endpoint, telemetry.Otlp.Protocol, telemetry.Prometheus.Enabled, telemetry.Prometheus.Path, telemetry.MaxOperationNames));
        Assert.Equal(new HealthSettings().Timeout, settings.GetSection(HealthSettings.Section).Get<HealthSettings>()!.Timeout);
    }
}
