using System.Collections.Concurrent;
using System.Text;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Ipp.Graph.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint, from <c>Telemetry:Otlp</c> or from OpenTelemetry's own OTEL_EXPORTER_OTLP_* settings, the
/// server sends its traces, metrics and logs there (over http/protobuf here: a small receiver in the test keeps what
/// it gets), health probes excepted. The server flushes what it holds when it stops.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task The_endpoint_of_the_settings_gets_the_operation_s_span_the_metrics_and_the_logs()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var name = "Exported" + Guid.NewGuid().ToString("n");

        await using (var server = await RunningServer.StartAsync($"--Telemetry:Otlp:Endpoint={receiver.Address}", "--Telemetry:Otlp:Protocol=http/protobuf"))
        {
            using var client = server.CreateClient();
            Assert.Equal("""{"data":{"__typename":"Query"}}""", (await client.PostAsync($$"""{"query":"query {{name}} { __typename }"}""")).Body);
            using var probe = await client.GetAsync("health/ready");
            Assert.Equal(System.Net.HttpStatusCode.OK, probe.StatusCode);
        }

        Assert.True(receiver.Got("/v1/traces", "query " + name), receiver.Summary);
        Assert.True(receiver.Got("/v1/traces", "/graphql"), receiver.Summary);
        Assert.False(receiver.Got("/v1/traces", "/health"), "Health probes make no spans.");
        Assert.True(receiver.Got("/v1/metrics", "ipp.graphql.operation.duration"), receiver.Summary);
        Assert.True(receiver.Got("/v1/metrics", "http.server.request.duration"), receiver.Summary);
        Assert.True(receiver.Got("/v1/logs", "Now listening on"), receiver.Summary);
    }

    [Fact]
    public async Task OpenTelemetry_s_own_endpoint_setting_is_enough()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var name = "Standard" + Guid.NewGuid().ToString("n");

        await using (var server = await RunningServer.StartAsync($"--OTEL_EXPORTER_OTLP_ENDPOINT={receiver.Address}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"))
        {
            using var client = server.CreateClient();
            await client.PostAsync($$"""{"query":"query {{name}} { __typename }"}""");
        }

        Assert.True(receiver.Got("/v1/traces", "query " + name), receiver.Summary);
        Assert.True(receiver.Got("/v1/traces", "ipp-graph"), receiver.Summary);
    }

    /// <summary>An OTLP/HTTP receiver on 127.0.0.1 that keeps every export's body (protobuf, whose strings are plain UTF-8).</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received;

        private OtlpReceiver(WebApplication app, ConcurrentQueue<(string, byte[])> received, Uri address)
        {
            _app = app;
            _received = received;
            Address = address;
        }

        public Uri Address { get; }

        public string Summary => "received: " + string.Join(", ", _received.Select(export => $"{export.Path} ({export.Body.Length} bytes)"));

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var received = new ConcurrentQueue<(string, byte[])>();
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                received.Enqueue((context.Request.Path.Value!, body.ToArray()));
                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new OtlpReceiver(app, received, new Uri(address));
        }

        /// <summary>True when an export to <paramref name="path"/> holds <paramref name="text"/>.</summary>
        public bool Got(string path, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return _received.Any(export => export.Path == path && export.Body.AsSpan().IndexOf(bytes) >= 0);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
