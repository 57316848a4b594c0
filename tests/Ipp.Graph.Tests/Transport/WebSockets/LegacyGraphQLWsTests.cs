using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// The legacy graphql-ws subprotocol (subscriptions-transport-ws, older Apollo clients) over a real socket, as its
/// PROTOCOL.md gives it: connection_init answered by connection_ack and ka, start answered by data, error and
/// complete, stop, connection_terminate.
/// </summary>
public sealed class LegacyGraphQLWsTests
{
    [Fact]
    public async Task Connection_init_is_answered_with_connection_ack_then_ka_and_ka_follows_on_the_interval()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:KeepAliveInterval=00:00:00.050");
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-ws");

        Assert.Equal("graphql-ws", socket.SubProtocol);
        await socket.SendAsync("""{"type":"connection_init","payload":{}}""");

        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"type":"ka"}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"type":"ka"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Without_keep_alive_connection_init_is_answered_with_connection_ack_alone()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:KeepAliveInterval=00:00:00");
        await using var socket = await InitialisedAsync(server, expectKeepAlive: false);

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_subscription_streams_data_messages_then_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription ($n: Int!) { counter(to: $n) }","variables":{"n":2}}}""");

        Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"counter":1}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"counter":2}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Queries_and_mutations_get_one_data_message_then_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"mutation { shout(text: \"hey\") }"}}""");

        Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"shout":"HEY"}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task An_operation_that_cannot_run_gets_an_error_message_with_its_errors()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello"}}""");
        Assert.Equal(
            """{"id":"1","type":"error","payload":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":8}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}""",
            await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"2","type":"start","payload":{"query":42}}""");
        Assert.Equal(
            """{"id":"2","type":"error","payload":[{"message":"The \"query\" parameter must be a string, not a number.","extensions":{"code":"BAD_REQUEST"}}]}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Stop_disposes_the_source_stream_and_is_answered_with_complete()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await InitialisedAsync(server);
        await socket.SendAsync("""{"id":"7","type":"start","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);
        events.Publish("one");
        Assert.Equal("""{"id":"7","type":"data","payload":{"data":{"events":"one"}}}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"7","type":"stop"}""");

        Assert.Equal("""{"id":"7","type":"complete"}""", await socket.ReceiveTextAsync());
        await events.WaitForDisposedAsync(1);
        events.Publish("unheard");
        await socket.SendAsync("""{"id":"7","type":"stop"}""");
        await socket.SendAsync("""{"id":"8","type":"start","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"8","type":"data","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_start_with_the_id_of_a_running_operation_replaces_it()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { counter(to: 1) }"}}""");

        await events.WaitForDisposedAsync(1);
        Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"counter":1}}}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"id":"1","type":"complete"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task A_start_before_connection_init_gets_an_error_and_the_connection_stays_open()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-ws");

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello }"}}""");

        Assert.Equal(
            """{"id":"1","type":"error","payload":[{"message":"The connection is not initialised: send connection_init first.","extensions":{"code":"BAD_REQUEST"}}]}""",
            await socket.ReceiveTextAsync());
        await socket.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Connection_terminate_closes_the_socket_normally_and_disposes_the_streams()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();
        await using var socket = await InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);

        await socket.SendAsync("""{"type":"connection_terminate"}""");

        await socket.AssertClosedAsync(1000, "");
        await events.WaitForDisposedAsync(1);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_second_connection_init_gets_connection_error_and_is_closed_with_4429()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await InitialisedAsync(server);

        await socket.SendAsync("""{"type":"connection_init"}""");

        var (code, reason, before) = await socket.ReceiveCloseAsync();
        Assert.Equal(["""{"type":"connection_error","payload":{"message":"Too many initialisation requests"}}"""], before);
        Assert.Equal((4429, "Too many initialisation requests"), (code, reason));
    }

    [Fact]
    public async Task A_connection_without_connection_init_in_time_is_closed_with_4408()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:ConnectionInitTimeout=00:00:00.100");
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-ws");

        await socket.AssertClosedAsync(4408, "Connection initialisation timeout");
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_closed_with_1009()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:MaxMessageBytes=100");
        await using var socket = await InitialisedAsync(server);

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello""" + new string(' ', 100) + """}"}}""");

        await socket.AssertClosedAsync(1009, "Message larger than 100 bytes");
    }

    [Fact]
    public async Task A_binary_message_gets_connection_error()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await InitialisedAsync(server);

        await socket.SendAsync("""{"type":"connection_init"}"""u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Binary);

        Assert.Equal(
            """{"type":"connection_error","payload":{"message":"Invalid message: binary messages are not supported, send JSON text"}}""",
            await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task Operations_beyond_the_limit_get_an_error()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:MaxOperations=1");
        var events = server.Events();
        await using var socket = await InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);

        await socket.SendAsync("""{"id":"2","type":"start","payload":{"query":"{ hello }"}}""");

        Assert.Equal(
            """{"id":"2","type":"error","payload":[{"message":"This connection already runs 1 operations, the most it may: complete one first.","extensions":{"code":"TOO_MANY_OPERATIONS"}}]}""",
            await socket.ReceiveTextAsync());
    }

    /// <summary>A legacy connection, initialised: its ack (and first keep-alive) read.</summary>
    private static async Task<TestSocket> InitialisedAsync(RunningServer server, bool expectKeepAlive = true)
    {
        var socket = await TestSocket.ConnectAsync(server, "graphql-ws");
        await socket.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        if (expectKeepAlive)
        {
            Assert.Equal("""{"type":"ka"}""", await socket.ReceiveTextAsync());
        }

        return socket;
    }
}
