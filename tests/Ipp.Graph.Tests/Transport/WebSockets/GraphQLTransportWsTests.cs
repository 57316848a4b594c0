namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// The graphql-transport-ws subprotocol over a real socket, rule by rule of graphql-ws's PROTOCOL.md: the
/// connection's initialisation and acknowledgement, ping and pong, operations answered with next, error and
/// complete, the client's complete, and the close codes.
/// </summary>
public sealed class GraphQLTransportWsTests
{
    [Fact]
    public async Task A_subscription_streams_each_event_as_next_then_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { counter(to: 3) }"}}""");

        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"counter":1}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"counter":2}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"counter":3}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Queries_and_mutations_get_one_next_then_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"q","type":"next","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"q","type":"complete"}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""
            {"id":"m","type":"subscribe","payload":{"query":"mutation ($t: String!) { shout(text: $t) }","variables":{"t":"hi"},"operationName":null,"extensions":{}}}
            """);
        Assert.Equal("""{"id":"m","type":"next","payload":{"data":{"shout":"HI"}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"m","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Operations_that_cannot_run_get_an_error_message_and_no_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ nope }"}}""");
        Assert.Equal(
            """{"id":"1","type":"error","payload":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}""",
            await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"subscription ($n: Int!) { counter(to: $n) }"}}""");
        Assert.Equal(
            """{"id":"2","type":"error","payload":[{"message":"Variable \"$n\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":15}],"extensions":{"code":"BAD_USER_INPUT"}}]}""",
            await socket.ReceiveTextAsync());

        // No complete followed either error: the next message is the answer to this ping.
        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Execution_errors_arrive_in_next_with_the_data_and_unexpected_exceptions_are_masked()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello boom }"}}""");
        var next = await socket.ReceiveJsonAsync();

        Assert.Equal("next", next.GetProperty("type").GetString());
        var error = Assert.Single(next.GetProperty("payload").GetProperty("errors").EnumerateArray());
        Assert.Equal("Unexpected error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("""{"hello":"world","boom":null}""", next.GetProperty("payload").GetProperty("data").GetRawText());
        Assert.DoesNotContain("secret", next.GetRawText());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_source_stream_that_fails_ends_the_operation_with_an_error_message()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { failing }"}}""");

        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"failing":1}}}""", await socket.ReceiveTextAsync());
        var error = await socket.ReceiveJsonAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("Unexpected error.", error.GetProperty("payload")[0].GetProperty("message").GetString());
        Assert.DoesNotContain("secret", error.GetRawText());
        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Pings_are_answered_with_pongs_echoing_their_payload_even_before_initialisation()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-transport-ws");

        await socket.SendAsync("""{"type":"ping"}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveTextAsync());
        await socket.SendAsync("""{"type":"ping","payload":{"sent":"now","n":[1,2]}}""");
        Assert.Equal("""{"type":"pong","payload":{"sent":"now","n":[1,2]}}""", await socket.ReceiveTextAsync());

        // A pong (an unsolicited heartbeat) and a complete for an unknown id are ignored.
        await socket.SendAsync("""{"type":"pong","payload":{}}""");
        await socket.SendAsync("""{"id":"unknown","type":"complete"}""");
        await socket.SendAsync("""{"type":"ping","payload":null}""");
        Assert.Equal("""{"type":"pong"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task An_acknowledged_connection_is_sent_pings_on_the_keep_alive_interval()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:KeepAliveInterval=00:00:00.050");
        await using var socket = await TestSocket.InitialisedAsync(server);

        Assert.Equal("""{"type":"ping"}""", await socket.ReceiveTextAsync());
        await socket.SendAsync("""{"type":"pong"}""");
        Assert.Equal("""{"type":"ping"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_connection_without_connection_init_in_time_is_closed_with_4408()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:ConnectionInitTimeout=00:00:00.100");
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-transport-ws");

        await socket.AssertClosedAsync(4408, "Connection initialisation timeout");
    }

    [Fact]
    public async Task A_subscribe_before_the_acknowledgement_is_closed_with_4401()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-transport-ws");

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");

        await socket.AssertClosedAsync(4401, "Unauthorized");
    }

    [Fact]
    public async Task A_second_connection_init_is_closed_with_4429()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"type":"connection_init"}""");

        await socket.AssertClosedAsync(4429, "Too many initialisation requests");
    }

    [Fact]
    public async Task A_subscribe_with_the_id_of_a_running_operation_is_closed_with_4409()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"same","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await server.Events().WaitForStartedAsync(1);
        await socket.SendAsync("""{"id":"same","type":"subscribe","payload":{"query":"{ hello }"}}""");

        await socket.AssertClosedAsync(4409, "Subscriber for same already exists");
        await server.Events().WaitForDisposedAsync(1);
    }

    [Fact]
    public async Task Complete_from_the_client_disposes_the_source_stream_and_silences_the_operation_and_its_id_can_be_used_again()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);
        events.Publish("first");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"events":"first"}}}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"1","type":"complete"}""");
        await events.WaitForDisposedAsync(1);
        events.Publish("unheard");

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(2);
        events.Publish("second");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"events":"second"}}}""", await socket.ReceiveTextAsync());
        Assert.Equal(1, events.Disposed);
    }

    [Fact]
    public async Task Closing_the_socket_disposes_every_source_stream()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await TestSocket.InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await socket.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(2);

        await socket.CloseAsync();

        await events.WaitForDisposedAsync(2);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_dropped_connection_disposes_every_source_stream()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await TestSocket.InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);

        socket.Abort();

        await events.WaitForDisposedAsync(1);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Stopping_the_server_closes_the_socket_with_1001_and_disposes_the_source_streams()
    {
        var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await TestSocket.InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);

        var stopping = server.DisposeAsync().AsTask();

        await socket.AssertClosedAsync(1001, "Server shutting down");
        await events.WaitForDisposedAsync(1);
        await stopping.WaitAsync(TestEvents.Patience);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Operations_beyond_the_limit_get_an_error_and_the_connection_stays_open()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:MaxOperations=2");
        var events = server.Events();
        await using var socket = await TestSocket.InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await socket.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(2);

        await socket.SendAsync("""{"id":"3","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal(
            """{"id":"3","type":"error","payload":[{"message":"This connection already runs 2 operations, the most it may: complete one first.","extensions":{"code":"TOO_MANY_OPERATIONS"}}]}""",
            await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"1","type":"complete"}""");
        await events.WaitForDisposedAsync(1);
        await socket.SendAsync("""{"id":"3","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"3","type":"next","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_closed_with_4400()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:MaxMessageBytes=200");
        await using var socket = await TestSocket.InitialisedAsync(server);

        var padding = new string(' ', 200);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello""" + padding + """}"}}""");

        await socket.AssertClosedAsync(4400, "Invalid message: larger than 200 bytes");
    }

    [Fact]
    public async Task The_transport_ws_subprotocol_is_preferred_when_both_are_offered()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-ws", "graphql-transport-ws");

        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
    }

    [Theory]
    [InlineData("")]
    [InlineData("graphql-sse")]
    [InlineData("GRAPHQL-TRANSPORT-WS")]
    [InlineData("graphql-sse,graphql-transport")]
    public async Task A_client_offering_no_subprotocol_spoken_here_is_closed_with_4406(string subprotocols)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, subprotocols.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Null(socket.SubProtocol);
        await socket.AssertClosedAsync(4406, "Subprotocol not acceptable");
        Assert.Empty(server.Logs.Errors);
    }
}
