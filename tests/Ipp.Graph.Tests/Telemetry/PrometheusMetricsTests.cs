using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;
using Ipp.Graph.Tests.Transport.Multipart;
using Ipp.Graph.Tests.Transport.Sse;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Telemetry;

/// <summary>
/// With <c>Telemetry:Prometheus:Enabled</c>, <c>GET /metrics</c> shows what the server did, under OpenTelemetry's
/// names as Prometheus spells them: operations by type, name and outcome, open WebSockets and event streams, active
/// subscriptions, uploads and their bytes, status events recorded and announced, database commands, and ASP.NET
/// Core's own request durations.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class PrometheusMetricsTests
{
    private const string Durations = "ipp_graphql_operation_duration_seconds_count";
    private const string ActiveSubscriptions = "ipp_graphql_active_subscriptions";
    private const string ActiveWebSockets = "ipp_websocket_active_connections";
    private const string ActiveEventStreams = "ipp_sse_active_streams";
    private const int FileBytes = 12345;

    [Fact]
    public async Task A_query_a_subscription_over_WebSocket_an_event_stream_and_an_upload_show_in_the_scrape()
    {
        await using var server = await RunningServer.StartAsync(
            "--Telemetry:Prometheus:Enabled=true",
            $"--Applications:CatalogPath={WriteFixture.CataloguePath}", "--WebSockets:KeepAliveInterval=00:00:00", AccountsClient.FastHashing);
        using var client = server.CreateClient();
        var token = await AccountsClient.SignUpAsync(server, "metrics@example.org");

        await AccountsClient.PostAsync(server, "query Ping { __typename }");
        var broken = await client.PostAsync("""{"query":"query Broken { nothing }"}""");
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", broken.ErrorCode);

        // A subscription over WebSocket, listening while a file is uploaded.
        await using var socket = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"Bearer {{token}}"}""");
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription Watch { experimentStatusChanged { status } }"}}""");
        var listening = await PrometheusScrape.WaitUntilAsync(client, scrape => scrape.Value(ActiveSubscriptions, ("graphql_operation_name", "Watch")) == 1);
        Assert.Equal(1, listening.Value(ActiveWebSockets, ("ipp_websocket_protocol", "graphql-transport-ws")));

        var upload = await client.PostMultipartAsync(MultipartRequests.Body(UploadParts()), token);
        upload.AssertExecuted();
        Assert.True(upload.Json.GetProperty("data").GetProperty("createExperiment").GetProperty("experiment").ValueKind == JsonValueKind.Object, upload.Body);
        var announced = await socket.ReceiveJsonAsync();
        Assert.True(announced.GetProperty("type").GetString() == "next", announced.ToString());
        Assert.Equal("SUBMITTED", announced.GetProperty("payload").GetProperty("data").GetProperty("experimentStatusChanged").GetProperty("status").GetString());
        await socket.SendAsync("""{"id":"1","type":"complete"}""");
        await socket.CloseAsync();

        // A subscription over Server-Sent Events, open while scraped.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "graphql"))
        {
            request.Content = new StringContent("""{"query":"subscription Stream { experimentStatusChanged { status } }"}""", System.Text.Encoding.UTF8, "application/json");
            request.Headers.Add("Accept", "text/event-stream");
            request.Headers.Add("Authorization", "Bearer " + token);
            await using var stream = await EventStreamReader.OpenAsync(client, request);
            var open = await PrometheusScrape.WaitUntilAsync(client, scrape => scrape.Value(ActiveSubscriptions, ("graphql_operation_name", "Stream")) == 1);
            Assert.Equal(1, open.Value(ActiveEventStreams));
        }

        var scrape = await PrometheusScrape.WaitUntilAsync(client, scrape =>
            scrape.Value(ActiveEventStreams) == 0
            && scrape.Value(ActiveWebSockets, ("ipp_websocket_protocol", "graphql-transport-ws")) == 0
            && scrape.Series(ActiveSubscriptions).All(series => series.Value == 0)
            && scrape.Value(Durations, ("graphql_operation_type", "subscription"), ("graphql_operation_name", "Stream")) == 1);

        Assert.Equal(1, scrape.Value(Durations, ("graphql_operation_type", "query"), ("graphql_operation_name", "Ping")));
        Assert.Equal(1, scrape.Value(Durations, ("error_type", "GRAPHQL_VALIDATION_FAILED")));
        Assert.Equal(1, scrape.Value(Durations, ("graphql_operation_type", "subscription"), ("graphql_operation_name", "Watch")));
        Assert.Equal(1, scrape.Value(Durations, ("graphql_operation_type", "mutation"), ("graphql_operation_name", "Upload")));
        Assert.Equal(1, scrape.Value(Durations, ("graphql_operation_type", "mutation")));
        Assert.Equal(FileBytes, scrape.Value("ipp_upload_received_bytes_total"));
        Assert.Equal(0, scrape.Value("ipp_upload_active_requests"));
        Assert.Equal(1, scrape.Value("ipp_experiment_events_recorded_total", ("ipp_experiment_status", "submitted")));
        Assert.Equal(1, scrape.Value("ipp_experiment_events_announced_total", ("ipp_experiment_status", "submitted")));
        Assert.True(scrape.Value("db_client_operation_duration_seconds_count", ("db_system_name", TestDatabase.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql"), ("db_operation_name", "INSERT")) >= 2, scrape.Text);
        Assert.Contains(scrape.Series("http_server_request_duration_seconds_count"), series => series.Labels.GetValueOrDefault("http_route") == "/graphql");
    }

    /// <summary>A named createExperiment (of the write tests' catalogue) with one file of <see cref="FileBytes"/> bytes.</summary>
    private static Part[] UploadParts()
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation Upload($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } } }",
            variables = new { input = new { application = "demo", name = "measured", files = new[] { new { parameter = "images", file = (object?)null } } } },
        });
        return [Part.Json("operations", operations), Part.Json("map", MultipartRequests.Map()), Part.File("0", FileBytes)];
    }
}
