using System.Net.WebSockets;
using System.Text;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// Malformed input over WebSocket: every broken frame or message gets the protocol's answer (graphql-transport-ws
/// closes with 4400 and a reason; the legacy protocol answers connection_error and carries on), nothing reaches the
/// log as an error, and the server goes on serving other connections.
/// </summary>
public sealed class WebSocketBadInputTests
{
    public static TheoryData<string, string> InvalidMessages => new()
    {
        { "[]", "Invalid message: expected a JSON object, got an array" },
        { "\"connection_init\"", "Invalid message: expected a JSON object, got a string" },
        { "{}", "Invalid message: the 'type' property must be a string" },
        { """{"type":null}""", "Invalid message: the 'type' property must be a string" },
        { """{"type":["ping"]}""", "Invalid message: the 'type' property must be a string" },
        { """{"type":"start","id":"1","payload":{"query":"{ hello }"}}""", "Invalid message: unknown type \"start\"" },
        { """{"type":"next","id":"1","payload":{}}""", "Invalid message: \"next\" is sent by servers only" },
        { """{"type":"error","id":"1","payload":[]}""", "Invalid message: \"error\" is sent by servers only" },
        { """{"type":"connection_ack"}""", "Invalid message: \"connection_ack\" is sent by servers only" },
        { """{"type":"connection_init","payload":"Bearer x"}""", "Invalid message: the \"connection_init\" payload must be an object" },
        { """{"type":"ping","payload":[1]}""", "Invalid message: the \"ping\" payload must be an object" },
        { """{"type":"pong","payload":2}""", "Invalid message: the \"pong\" payload must be an object" },
        { """{"type":"subscribe","payload":{"query":"{ hello }"}}""", "Invalid message: \"subscribe\" needs an 'id' that is a non-empty string" },
        { """{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""", "Invalid message: \"subscribe\" needs an 'id' that is a non-empty string" },
        { """{"type":"subscribe","id":1,"payload":{"query":"{ hello }"}}""", "Invalid message: \"subscribe\" needs an 'id' that is a non-empty string" },
        { """{"type":"subscribe","id":"1"}""", "Invalid message: the \"subscribe\" payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":"{ hello }"}""", "Invalid message: the \"subscribe\" payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":{}}""", "Invalid message: The request has no \"query\" parameter: it must hold the GraphQL document as a string." },
        { """{"type":"subscribe","id":"1","payload":{"query":42}}""", "Invalid message: The \"query\" parameter must be a string, not a number." },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[]}}""", "Invalid message: The \"variables\" parameter must be an object, not an array." },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","operationName":1}}""", "Invalid message: The \"operationName\" parameter must be a string, not a number." },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","extensions":"x"}}""", "Invalid message: The \"extensions\" parameter must be an object, not a string." },
        { """{"type":"complete"}""", "Invalid message: \"complete\" needs an 'id' that is a non-empty string" },
        { """{"type":"complete","id":null}""", "Invalid message: \"complete\" needs an 'id' that is a non-empty string" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task An_invalid_message_is_closed_with_4400_and_its_reason(string message, string reason)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync(message);

        await socket.AssertClosedAsync(4400, reason);
        await AssertStillServingAsync(server);
    }

    /// <summary>Escapes of lone surrogates anywhere in a message: in member names at any depth, in string values.</summary>
    public static TheoryData<string, int> LoneSurrogateMessages => new()
    {
        { """{"type":"\ud800"}""", 9 },
        { """{"type":"subscribe","id":"\udc00","payload":{"query":"{ hello }"}}""", 26 },
        { """{"\udc00":1,"type":"ping"}""", 2 },
        { """{"type":"ping","payload":{"\udfff":true}}""", 27 },
        { """{"id":"1","type":"subscribe","payload":{"query":"{ hello }","variables":{"\udc00":1}}}""", 74 },
        { """{"id":"1","type":"subscribe","payload":{"query":"{ hello }","variables":{"a":[{"b":{"\udbff":null}}]}}}""", 85 },
        { """{"id":"1","type":"subscribe","payload":{"query":"{ hello }","extensions":{"x\udc00\ud800":1}}}""", 76 },
        { """{"id":"1","type":"subscribe","payload":{"query":"{ hello }","variables":{"s":"\\\udc00"}}}""", 80 },
        { """{"type":"connection_init","payload":{"authorization":"Bearer \udc00"}}""", 61 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogateMessages))]
    public async Task A_lone_surrogate_escape_anywhere_in_a_message_is_closed_with_4400_and_logged_as_no_error(string message, int at)
    {
        // No keep-alive: a socket left open fails the wait for its close.
        await using var server = await StreamingServer.StartAsync("--WebSockets:KeepAliveInterval=00:00:00");
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync(message);

        var escape = message.Substring(at, 6);
        await socket.AssertClosedAsync(4400, $"Invalid JSON: the escape {escape} at byte {at} is a lone surrogate, which is no character.");
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task The_legacy_protocol_answers_a_lone_surrogate_escape_as_other_malformed_JSON_and_carries_on()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-ws");
        await socket.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"type":"ka"}""", await socket.ReceiveTextAsync());

        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello }","variables":{"\udc00":1}}}""");

        Assert.Equal(
            """{"type":"connection_error","payload":{"message":"Invalid JSON: the escape \\udc00 at byte 70 is a lone surrogate, which is no character."}}""",
            await socket.ReceiveTextAsync());
        await socket.SendAsync("""{"id":"2","type":"start","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"2","type":"data","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
        Assert.Empty(server.Logs.Errors);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"ping\"")]
    [InlineData("{\"type\":\"ping\",\"type\":\"ping\"}")]
    [InlineData("")]
    [InlineData("{\"type\":\"ping\"} {}")]
    public async Task Text_that_is_not_one_JSON_value_is_closed_with_4400(string text)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync(text);

        var (code, reason, before) = await socket.ReceiveCloseAsync();
        Assert.Empty(before);
        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid JSON: ", reason);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task JSON_nested_deeper_than_64_levels_is_closed_with_4400()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);
        var nested = new string('[', 100) + new string(']', 100);

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }","variables":{"v":""" + nested + "}}}");

        var (code, reason, _) = await socket.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid JSON: ", reason);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task A_binary_message_is_closed_with_4400()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""), WebSocketMessageType.Binary);

        await socket.AssertClosedAsync(4400, "Invalid message: binary messages are not supported, send JSON text");
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task A_message_before_connection_init_that_is_invalid_is_closed_with_4400()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-transport-ws");

        await socket.SendAsync("""{"type":"subscribe","id":"1","payload":{"query":7}}""");

        await socket.AssertClosedAsync(4400, "Invalid message: The \"query\" parameter must be a string, not a number.");
    }

    [Fact]
    public async Task A_close_reason_naming_a_long_id_is_cut_to_fit_the_close_frame()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);
        var id = new string('é', 100);
        await socket.SendAsync($$$"""{"id":"{{{id}}}","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await server.Events().WaitForStartedAsync(1);

        await socket.SendAsync($$$"""{"id":"{{{id}}}","type":"subscribe","payload":{"query":"subscription { events }"}}""");

        var (code, reason, _) = await socket.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for " + new string('é', 52) + "...", reason);
        Assert.True(Encoding.UTF8.GetByteCount(reason) <= 123);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_sent_in_fragments_is_refused_before_it_is_all_read()
    {
        await using var server = await StreamingServer.StartAsync("--WebSockets:MaxMessageBytes=1000");
        await using var socket = await TestSocket.InitialisedAsync(server);
        var chunk = Encoding.UTF8.GetBytes(new string(' ', 600));

        await socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: false);
        await socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: false);

        await socket.AssertClosedAsync(4400, "Invalid message: larger than 1000 bytes");
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task Text_that_is_not_UTF8_ends_the_connection_without_an_error_in_the_log()
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.InitialisedAsync(server);

        await socket.SendAsync([0x7B, 0xFF, 0xFE, 0x7D], WebSocketMessageType.Text);

        // The WebSocket layer refuses it before the protocol sees it: it closes with 1007 and drops the connection.
        var code = await socket.ReceiveEndAsync();
        Assert.True(code is null or (int)WebSocketCloseStatus.InvalidPayloadData, $"closed with {code}");
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task Connections_dropped_mid_message_mid_operation_and_before_init_leave_no_error_and_dispose_their_streams()
    {
        await using var server = await StreamingServer.StartAsync();
        var events = server.Events();

        var beforeInit = await TestSocket.ConnectAsync(server, "graphql-transport-ws");
        beforeInit.Abort();

        var midMessage = await TestSocket.InitialisedAsync(server);
        await midMessage.SendAsync(Encoding.UTF8.GetBytes("""{"type":"subscr"""), WebSocketMessageType.Text, endOfMessage: false);
        midMessage.Abort();

        var midOperation = await TestSocket.InitialisedAsync(server);
        await midOperation.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(1);
        midOperation.Abort();

        var legacy = await TestSocket.ConnectAsync(server, "graphql-ws");
        await legacy.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await legacy.ReceiveTextAsync());
        Assert.Equal("""{"type":"ka"}""", await legacy.ReceiveTextAsync());
        await legacy.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await events.WaitForStartedAsync(2);
        legacy.Abort();

        await events.WaitForDisposedAsync(2);
        await AssertStillServingAsync(server);
        foreach (var socket in new[] { beforeInit, midMessage, midOperation, legacy })
        {
            await socket.DisposeAsync();
        }
    }

    public static TheoryData<string, string> InvalidLegacyMessages => new()
    {
        { "not json", "Invalid JSON: " },
        { "[1]", "Invalid message: expected a JSON object, got an array" },
        { """{"id":"1"}""", "Invalid message: the 'type' property must be a string" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ hello }"}}""", "Invalid message: unknown type \"subscribe\"" },
        { """{"type":"start","payload":{"query":"{ hello }"}}""", "Invalid message: \"start\" needs an 'id' that is a non-empty string" },
        { """{"type":"stop","id":5}""", "Invalid message: \"stop\" needs an 'id' that is a non-empty string" },
    };

    [Theory]
    [MemberData(nameof(InvalidLegacyMessages))]
    public async Task The_legacy_protocol_answers_an_invalid_message_with_connection_error_and_carries_on(string message, string error)
    {
        await using var server = await StreamingServer.StartAsync();
        await using var socket = await TestSocket.ConnectAsync(server, "graphql-ws");
        await socket.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        Assert.Equal("""{"type":"ka"}""", await socket.ReceiveTextAsync());

        await socket.SendAsync(message);

        var answer = await socket.ReceiveJsonAsync();
        Assert.Equal("connection_error", answer.GetProperty("type").GetString());
        var text = answer.GetProperty("payload").GetProperty("message").GetString()!;
        Assert.True(error.EndsWith(": ") ? text.StartsWith(error) : text == error, text);
        await socket.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"1","type":"data","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>No error was logged, and a new connection is served.</summary>
    private static async Task AssertStillServingAsync(Support.RunningServer server)
    {
        await using var socket = await TestSocket.InitialisedAsync(server);
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal("""{"id":"1","type":"next","payload":{"data":{"hello":"world"}}}""", await socket.ReceiveTextAsync());
        Assert.Empty(server.Logs.Errors);
    }
}
