using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Telemetry;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;
using Ipp.Graph.Tests.Transport.Sse;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Telemetry;

/// <summary>
/// Each GraphQL operation is a span of the server's source, whatever carries it (HTTP, WebSocket, Server-Sent
/// Events), named by its type and name as OpenTelemetry's GraphQL conventions say, a child of the request's span;
/// errors set its status and are events by code and path, never a message. An in-process listener sees the spans
/// (every server in this process reports to it: each test looks for its own operation names).
/// </summary>
public sealed class OperationSpanTests : IAsyncLifetime
{
    private const string Secret = "Password=hunter2";

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityListener _listener = null!;
    private RunningServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ServerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _server = await RunningServer.StartAsync(builder => builder.Services.AddSingleton(TestSchema()));
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task A_query_over_HTTP_is_a_server_span_named_by_its_type_and_name_under_the_request_s_span()
    {
        var name = UniqueName("Hello");

        var answer = await _client.PostAsync($$"""{"query":"query {{name}} { hello }"}""");

        Assert.Equal("""{"data":{"hello":"world"}}""", answer.Body);
        var span = await SpanAsync("query " + name);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("query", span.GetTagItem("graphql.operation.type"));
        Assert.Equal(name, span.GetTagItem("graphql.operation.name"));
        Assert.Null(span.GetTagItem("graphql.document"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(span.Events);
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", span.Parent?.OperationName);
    }

    [Fact]
    public async Task The_name_comes_from_the_document_when_the_request_names_no_operation_and_variables_are_never_recorded()
    {
        var name = UniqueName("Greet");

        var answer = await _client.PostAsync($$$"""{"query":"query {{{name}}}($who: String) { greet(who: $who) }","variables":{"who":"{{{Secret}}}"}}""");

        Assert.Contains(Secret, answer.Body);
        var span = await SpanAsync("query " + name);
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains("hunter2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_query_over_WebSocket_is_a_span_too()
    {
        var name = UniqueName("OverSocket");
        await using var socket = await TestSocket.InitialisedAsync(_server);

        await socket.SendAsync($$$"""{"id":"1","type":"subscribe","payload":{"query":"query {{{name}}} { hello }"}}""");

        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
        var span = await SpanAsync("query " + name);
        Assert.Equal(name, span.GetTagItem("graphql.operation.name"));
    }

    [Fact]
    public async Task A_subscription_over_Server_Sent_Events_is_one_span_from_its_start_to_its_end_with_its_events_errors()
    {
        var name = UniqueName("Ticks");
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent($$"""{"query":"subscription {{name}} { ticks }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "text/event-stream");

        await using (var stream = await EventStreamReader.OpenAsync(_client, request))
        {
            var items = await stream.RestAsync();
            Assert.Equal("""next: {"data":{"ticks":1}}""", items[1]);
            Assert.StartsWith("""next: {"errors":[{"message":"Unexpected error.""", items[2]);
            Assert.Equal("complete: ", items[3]);
        }

        var span = await SpanAsync("subscription " + name);
        Assert.Equal("subscription", span.GetTagItem("graphql.operation.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        var failure = Assert.Single(span.Events);
        Assert.Equal("exception", failure.Name);
        Assert.Equal("System.InvalidOperationException", failure.Tags.Single(tag => tag.Key == "exception.type").Value);
    }

    [Fact]
    public async Task A_failing_resolver_sets_the_status_and_records_each_error_by_code_and_path_without_its_message()
    {
        var name = UniqueName("Fails");

        var answer = await _client.PostAsync($$"""{"query":"query {{name}} { hello boom deliberate }"}""");

        var span = await SpanAsync("query " + name);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("INTERNAL_SERVER_ERROR", span.StatusDescription);
        Assert.Equal("INTERNAL_SERVER_ERROR", span.GetTagItem("error.type"));
        Assert.Collection(
            span.Events,
            unexpected =>
            {
                Assert.Equal("exception", unexpected.Name);
                Assert.Equal(
                    [("error.type", "INTERNAL_SERVER_ERROR"), ("graphql.error.path", "boom"), ("exception.type", "System.InvalidOperationException")],
                    unexpected.Tags.Select(tag => (tag.Key, tag.Value?.ToString())));
            },
            deliberate =>
            {
                Assert.Equal("graphql.error", deliberate.Name);
                Assert.Equal([("error.type", "FORBIDDEN"), ("graphql.error.path", "deliberate")], deliberate.Tags.Select(tag => (tag.Key, tag.Value?.ToString())));
            });

        // The correlation id the client sees is the trace's id.
        var correlationId = answer.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("correlationId").GetString();
        Assert.Equal(span.TraceId.ToHexString(), correlationId);
    }

    [Fact]
    public async Task A_request_that_selects_no_operation_is_a_GraphQL_Operation_span_with_its_error_code()
    {
        var name = UniqueName("Broken");
        // Other tests in this process send broken documents too: this request's span is told apart by its trace.
        var trace = ActivityTraceId.CreateRandom();
        var body = Encoding.UTF8.GetBytes($$"""{"query":"query {{name}} { hello ","operationName":"{{name}}"}""");

        await _client.SendAsync(HttpMethod.Post, "graphql", body, "application/json", null, ("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));

        var span = await SpanAsync("GraphQL Operation", span => span.TraceId == trace);
        Assert.NotNull(span.Parent);
        Assert.Null(span.GetTagItem("graphql.operation.type"));
        Assert.Equal("GRAPHQL_PARSE_FAILED", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Names_past_the_bound_leave_the_span_named_by_the_type_and_keep_the_name_as_an_attribute()
    {
        await using var bounded = await RunningServer.StartAsync(builder => builder.Services.AddSingleton(TestSchema()), "--Telemetry:MaxOperationNames=1");
        using var client = bounded.CreateClient();
        var first = UniqueName("First");
        var second = UniqueName("Second");

        await client.PostAsync($$"""{"query":"query {{first}} { hello }"}""");
        await client.PostAsync($$"""{"query":"query {{second}} { hello }"}""");

        await SpanAsync("query " + first);
        var unnamed = await SpanAsync("query", span => (string?)span.GetTagItem("graphql.operation.name") == second);
        Assert.Equal("query", unnamed.DisplayName);
    }

    private static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("n");

    /// <summary>The span named <paramref name="displayName"/> (that <paramref name="matches"/>), once stopped.</summary>
    private async Task<Activity> SpanAsync(string displayName, Func<Activity, bool>? matches = null)
    {
        var deadline = DateTime.UtcNow + TestEvents.Patience;
        while (true)
        {
            var found = _stopped.Where(span => span.DisplayName == displayName && (matches?.Invoke(span) ?? true)).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }

            Assert.True(DateTime.UtcNow < deadline, $"No span \"{displayName}\" ended; seen: {string.Join(", ", _stopped.Select(span => span.DisplayName))}");
            await Task.Delay(20);
        }
    }

    private static Schema TestSchema() =>
        SchemaBuilder.FromSdl("""
                type Query {
                  hello: String
                  greet(who: String): String
                  boom: String
                  deliberate: String
                }
                type Subscription { ticks: Int }
                """)
            .Resolve("Query.hello", _ => new("world"))
            .Resolve("Query.greet", context => new("hello " + context.Arguments["who"]))
            .Resolve("Query.boom", _ => throw new InvalidOperationException("boom " + Secret))
            .Resolve("Query.deliberate", _ => throw new GraphQLError("Not for you.", code: "FORBIDDEN"))
            .Subscribe("Subscription.ticks", _ => new(Ticks()))
            .Resolve("Subscription.ticks", context => context.Parent is 1 ? new(1) : throw new InvalidOperationException("tick " + Secret))
            .Build();

    private static async IAsyncEnumerable<object?> Ticks()
    {
        yield return 1;
        await Task.Yield();
        yield return 2;
    }
}
