using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Transport.Sse;

/// <summary>
/// GraphQL over Server-Sent Events (graphql-sse's distinct connections mode) on /graphql, read over real HTTP: a
/// request that prefers text/event-stream gets next events then complete, keep-alive comments while it waits, and
/// its operation stops (its source disposed) when the client goes away.
/// </summary>
public sealed class ServerSentEventsTests
{
    private const string EventStream = "text/event-stream";

    [Fact]
    public async Task A_subscription_posted_as_JSON_streams_next_events_then_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();

        await using var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { counter(to: 2) }"}"""));

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", stream.Response.Content.Headers.ContentType!.ToString());
        Assert.True(stream.Response.Headers.CacheControl!.NoStore);
        Assert.Equal(
            [":", """next: {"data":{"counter":1}}""", """next: {"data":{"counter":2}}""", "complete: "],
            await stream.RestAsync());
    }

    [Fact]
    public async Task A_query_sent_with_GET_gets_one_next_event_then_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("query Q { hello }") + "&operationName=Q");
        request.Headers.Accept.ParseAdd(EventStream);

        await using var stream = await EventStreamReader.OpenAsync(client, request);

        Assert.Equal([":", """next: {"data":{"hello":"world"}}""", "complete: "], await stream.RestAsync());
    }

    [Fact]
    public async Task A_mutation_is_served_over_POST_and_refused_over_GET_with_405()
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();

        await using (var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"mutation { shout(text: \"a\") }"}""")))
        {
            Assert.Equal([":", """next: {"data":{"shout":"A"}}""", "complete: "], await stream.RestAsync());
        }

        var get = new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("mutation { shout(text: \"a\") }"));
        get.Headers.Accept.ParseAdd(EventStream);
        using var refused = await client.SendAsync(get);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal("POST", refused.Content.Headers.Allow.Single());
        Assert.Equal("METHOD_NOT_ALLOWED", ErrorCode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Errors_found_before_execution_are_sent_in_a_next_event_of_the_accepted_stream()
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();

        await using var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { nope }"}"""));

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(
            [":", """next: {"errors":[{"message":"Cannot query field \"nope\" on type \"Subscription\".","locations":[{"line":1,"column":16}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}""", "complete: "],
            await stream.RestAsync());
    }

    [Fact]
    public async Task A_failing_source_stream_sends_its_masked_error_then_completes()
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();

        await using var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { failing }"}"""));
        var items = await stream.RestAsync();

        Assert.Equal(4, items.Count);
        Assert.Equal("""next: {"data":{"failing":1}}""", items[1]);
        Assert.StartsWith("""next: {"errors":[{"message":"Unexpected error.","extensions":{"code":"INTERNAL_SERVER_ERROR","correlationId":""", items[2]);
        Assert.Equal("complete: ", items[3]);
    }

    [Theory]
    [InlineData("""{"query":""", "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST")]
    [InlineData("""{"query":42}""", "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST")]
    [InlineData("""{"query":"{ hello }"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")]
    public async Task A_request_that_cannot_be_read_is_refused_as_GraphQL_over_HTTP_refuses_it(string body, string contentType, HttpStatusCode status, string code)
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Accept.ParseAdd(EventStream);

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(code, ErrorCode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("""{"query":"subscription { counter(to: 1) }","variables":{"\udc00":1}}""", null)]
    [InlineData("""{"query":"subscription { counter(to: 1) }","extensions":{"a":{"\ud800":{}}}}""", null)]
    [InlineData("""{"query":"subscription { counter(to: 1) }","variables":{"s":"\udfff"}}""", null)]
    [InlineData(null, """{"\udc00":1}""")]
    [InlineData(null, """{"s":["\ud800"]}""")]
    public async Task A_lone_surrogate_escape_in_the_request_is_refused_with_400_and_logged_as_no_error(string? body, string? getVariables)
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();
        var request = body is not null
            ? Post(body)
            : new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString("subscription { counter(to: 1) }") + "&variables=" + Uri.EscapeDataString(getVariables!));
        request.Headers.Accept.ParseAdd(EventStream);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("BAD_REQUEST", ErrorCode(text));
        Assert.Contains("is a lone surrogate, which is no character.", text);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        await using var server = await StreamingServer.StartAsync("--GraphQLHttp:MaxRequestBytes=100");
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Post("""{"query":"{ hello""" + new string(' ', 100) + """}"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", ErrorCode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_waiting_stream_gets_keep_alive_comments_on_the_interval()
    {
        await using var server = await StreamingServer.StartAsync("--ServerSentEvents:KeepAliveInterval=00:00:00.050");
        var events = server.Events();
        using var client = server.CreateClient();

        await using var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { events }"}"""));

        Assert.Equal(":", (await stream.NextAsync())!.ToString());
        Assert.Equal(":", (await stream.NextAsync())!.ToString());
        Assert.Equal(":", (await stream.NextAsync())!.ToString());
        events.Publish("now");
        StreamItem? item;
        do
        {
            item = await stream.NextAsync();
        }
        while (item?.Comment is not null);

        Assert.Equal("""next: {"data":{"events":"now"}}""", item!.ToString());
    }

    [Fact]
    public async Task A_client_that_goes_away_stops_the_subscription_and_its_source_is_disposed()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        using var client = server.CreateClient();
        var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { events }"}"""));
        await events.WaitForStartedAsync(1);
        events.Publish("one");
        Assert.Equal(":", (await stream.NextAsync())!.ToString());
        Assert.Equal("""next: {"data":{"events":"one"}}""", (await stream.NextAsync())!.ToString());

        await stream.DisposeAsync();

        await events.WaitForDisposedAsync(1);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Stopping_the_server_ends_the_stream_without_complete_and_disposes_the_source()
    {
        var server = await StreamingServer.StartAsync();
        var events = server.Events();
        using var client = server.CreateClient();
        await using var stream = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { events }"}"""));
        Assert.Equal(":", (await stream.NextAsync())!.ToString());
        // The stream's first comment goes out before the subscription's source starts: stop once it has.
        await events.WaitForStartedAsync(1);

        var stopping = server.DisposeAsync().AsTask();

        Assert.Empty(await stream.RestAsync());
        await events.WaitForDisposedAsync(1);
        await stopping.WaitAsync(TestEvents.Patience);
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("text/event-stream", true)]
    [InlineData("text/event-stream, application/json", true)]
    [InlineData("application/json;q=0.9, text/event-stream", true)]
    [InlineData("application/json, text/event-stream", false)]
    [InlineData("text/event-stream;q=0.5, application/graphql-response+json", false)]
    [InlineData("*/*", false)]
    [InlineData("text/*", false)]
    public async Task The_event_stream_is_chosen_when_the_Accept_header_prefers_it(string accept, bool eventStream)
    {
        await using var server = await StreamingServer.StartAsync();
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        Assert.Equal(eventStream, response.Content.Headers.ContentType?.MediaType == EventStream);
    }

    [Fact]
    public async Task The_caller_is_the_HTTP_request_s_and_sessionEnded_announces_a_new_sign_in()
    {
        await using var server = await RunningServer.StartAsync(AccountsClient.FastHashing);
        var token = await AccountsClient.SignUpAsync(server, "sse-user@example.org");
        using var client = server.CreateClient();

        await using (var anonymous = await EventStreamReader.OpenAsync(client, Post("""{"query":"subscription { sessionEnded { reason } }"}""")))
        {
            var items = await anonymous.RestAsync();
            Assert.Equal(3, items.Count);
            Assert.Contains("\"code\":\"AUTH_NOT_AUTHENTICATED\"", items[1]);
        }

        var request = Post("""{"query":"subscription { sessionEnded { reason } }"}""");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var stream = await EventStreamReader.OpenAsync(client, request);

        // The stream opens once the subscription listens.
        Assert.Equal(":", (await stream.NextAsync())!.ToString());
        await AccountsClient.SignInAsync(server, "sse-user@example.org");

        Assert.Equal(["""next: {"data":{"sessionEnded":{"reason":"REPLACED"}}}""", "complete: "], await stream.RestAsync());
        Assert.Empty(server.Logs.Errors);
    }

    private static HttpRequestMessage Post(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(EventStream);
        return request;
    }

    private static string? ErrorCode(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}
