using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>
/// A real WebSocket client (<see cref="ClientWebSocket"/>) on a running server's <c>/graphql</c>, speaking JSON text
/// messages. Every wait is bounded by <see cref="TestEvents.Patience"/> and fails the test when it runs out.
/// </summary>
public sealed class TestSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private TestSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>The subprotocol the server accepted; null when it accepted none.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>The code the server closed with, once <see cref="ReceiveCloseAsync"/> saw it.</summary>
    public int? CloseCode => (int?)_socket.CloseStatus;

    public static Task<TestSocket> ConnectAsync(RunningServer server, params string[] subprotocols) =>
        ConnectAsync(server, null, subprotocols);

    /// <summary>Connects offering <paramref name="subprotocols"/>; <paramref name="configure"/> sets more options (headers).</summary>
    public static async Task<TestSocket> ConnectAsync(RunningServer server, Action<ClientWebSocketOptions>? configure, params string[] subprotocols)
    {
        var socket = new ClientWebSocket();
        foreach (var subprotocol in subprotocols)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        configure?.Invoke(socket.Options);
        var address = new UriBuilder(server.Address) { Scheme = "ws", Path = "/graphql" }.Uri;
        using var timeout = new CancellationTokenSource(TestEvents.Patience);
        await socket.ConnectAsync(address, timeout.Token);
        return new TestSocket(socket);
    }

    /// <summary>A graphql-transport-ws connection, initialised and acknowledged.</summary>
    public static async Task<TestSocket> InitialisedAsync(RunningServer server, string? initPayload = null)
    {
        var socket = await ConnectAsync(server, "graphql-transport-ws");
        await socket.SendAsync(initPayload is null ? """{"type":"connection_init"}""" : $$"""{"type":"connection_init","payload":{{initPayload}}}""");
        Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
        return socket;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type, bool endOfMessage = true)
    {
        using var timeout = new CancellationTokenSource(TestEvents.Patience);
        await _socket.SendAsync(bytes, type, endOfMessage, timeout.Token);
    }

    /// <summary>The next message as text; fails when the server closes instead.</summary>
    public async Task<string> ReceiveTextAsync()
    {
        var (type, text) = await ReceiveAsync();
        Assert.True(type == WebSocketMessageType.Text, $"Expected a message; the socket closed with {_socket.CloseStatus} \"{_socket.CloseStatusDescription}\".");
        return text;
    }

    /// <summary>The next message as JSON.</summary>
    public async Task<JsonElement> ReceiveJsonAsync()
    {
        using var document = JsonDocument.Parse(await ReceiveTextAsync());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Reads until the server's close frame and answers it; the close code and reason. Messages received first are
    /// returned too, in order.
    /// </summary>
    public async Task<(int Code, string Reason, List<string> Before)> ReceiveCloseAsync()
    {
        var before = new List<string>();
        while (true)
        {
            var (type, text) = await ReceiveAsync();
            if (type == WebSocketMessageType.Close)
            {
                return ((int)_socket.CloseStatus!, _socket.CloseStatusDescription ?? "", before);
            }

            before.Add(text);
        }
    }

    /// <summary>
    /// Reads until the connection ends; the server's close code, or null when the connection was dropped without
    /// a close handshake. Messages received first are ignored.
    /// </summary>
    public async Task<int?> ReceiveEndAsync()
    {
        try
        {
            return (await ReceiveCloseAsync()).Code;
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    /// <summary>Asserts the server closes the socket with <paramref name="code"/> and <paramref name="reason"/>, sending nothing first.</summary>
    public async Task AssertClosedAsync(int code, string reason)
    {
        var (actualCode, actualReason, before) = await ReceiveCloseAsync();
        Assert.Empty(before);
        Assert.Equal((code, reason), (actualCode, actualReason));
    }

    /// <summary>Drops the connection without a close handshake (as a client that crashed or lost its network).</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Closes normally (1000) and waits for the server's answer.</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(TestEvents.Patience);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TestEvents.Patience);
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {TestEvents.Patience} in vain for a message.");
                throw;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                }

                return (WebSocketMessageType.Close, "");
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return (received.MessageType, Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }
}
