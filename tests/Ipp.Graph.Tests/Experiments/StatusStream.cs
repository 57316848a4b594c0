using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Sse;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// One open <c>experimentStatusChanged</c> subscription of a signed-in user, read message by message with a raw client
/// on one transport: <c>graphql-transport-ws</c>, the legacy <c>graphql-ws</c>, or <c>sse</c>. Keep-alives are skipped.
/// </summary>
public abstract class StatusStream : IAsyncDisposable
{
    public const string TransportWs = "graphql-transport-ws";

    public const string LegacyWs = "graphql-ws";

    public const string Sse = "sse";

    private const string Subscription = """{"query":"subscription { experimentStatusChanged { experimentId status previousStatus } }"}""";

    /// <summary>
    /// Subscribes with <paramref name="token"/>: over SSE as the Bearer header; over a WebSocket in its
    /// <c>connection_init</c> payload, or, when <paramref name="upgradeHeader"/> is <c>Authorization</c> or
    /// <c>Cookie</c>, in that header of the upgrade request (the cookie sent from the server's own origin, as a
    /// browser on its page sends it). Returns once the server acknowledged the connection (the subscription may still
    /// be starting).
    /// </summary>
    public static async Task<StatusStream> OpenAsync(RunningServer server, string transport, string token, string? upgradeHeader = null) =>
        transport == Sse ? await SseStream.ConnectAsync(server, token) : await SocketStream.ConnectAsync(server, transport, token, upgradeHeader);

    /// <summary>The next status change, as <see cref="SubscriberOutcome.Describe"/> writes it.</summary>
    public abstract Task<string> NextChangeAsync();

    /// <summary>
    /// Reads to the end: for a WebSocket the messages before the server's close (keep-alives left out) and a last
    /// line <c>close &lt;code&gt; &lt;reason&gt;</c>; for SSE the events up to the end of the stream.
    /// </summary>
    public abstract Task<List<string>> RestAsync();

    /// <summary>
    /// Ends the stream as a client that is done with it: a WebSocket's close handshake (1000), waiting for the
    /// server's answer; an SSE response abandoned (its connection closed).
    /// </summary>
    public abstract Task CloseAsync();

    /// <summary>Drops the connection without a word, as a client that crashed or lost its network.</summary>
    public abstract ValueTask DropAsync();

    public abstract ValueTask DisposeAsync();

    private sealed class SocketStream(TestSocket socket, bool legacy) : StatusStream
    {
        public static async Task<StatusStream> ConnectAsync(RunningServer server, string protocol, string token, string? upgradeHeader)
        {
            var socket = await TestSocket.ConnectAsync(server, options => SignIn(options, server, token, upgradeHeader), protocol);
            var legacy = protocol == LegacyWs;
            await socket.SendAsync(upgradeHeader is not null
                ? """{"type":"connection_init"}"""
                : $$$"""{"type":"connection_init","payload":{"authorization":"Bearer {{{token}}}"}}""");
            Assert.Equal("""{"type":"connection_ack"}""", await socket.ReceiveTextAsync());
            await socket.SendAsync($$$"""{"id":"s","type":"{{{(legacy ? "start" : "subscribe")}}}","payload":""" + Subscription + "}");
            return new SocketStream(socket, legacy);
        }

        private static void SignIn(System.Net.WebSockets.ClientWebSocketOptions options, RunningServer server, string token, string? upgradeHeader)
        {
            switch (upgradeHeader)
            {
                case "Authorization":
                    options.SetRequestHeader("Authorization", "Bearer " + token);
                    break;
                case "Cookie":
                    options.SetRequestHeader("Cookie", "ipp_session=" + token);
                    options.SetRequestHeader("Origin", server.Address.GetLeftPart(UriPartial.Authority));
                    break;
            }
        }

        public override async Task<string> NextChangeAsync()
        {
            var message = await socket.ReceiveJsonAsync();
            Assert.True(message.GetProperty("type").GetString() == (legacy ? "data" : "next"), message.ToString());
            return SubscriberOutcome.Describe(message.GetProperty("payload").GetProperty("data").GetProperty("experimentStatusChanged"));
        }

        public override async Task<List<string>> RestAsync()
        {
            var (code, reason, before) = await socket.ReceiveCloseAsync();
            return [.. before, $"close {code} {reason}"];
        }

        public override Task CloseAsync() => socket.CloseAsync();

        public override ValueTask DropAsync()
        {
            socket.Abort();
            return ValueTask.CompletedTask;
        }

        public override ValueTask DisposeAsync() => socket.DisposeAsync();
    }

    private sealed class SseStream(HttpClient client, EventStreamReader reader) : StatusStream
    {
        public static async Task<StatusStream> ConnectAsync(RunningServer server, string token)
        {
            var client = server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(Subscription, Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new SseStream(client, await EventStreamReader.OpenAsync(client, request));
        }

        public override async Task<string> NextChangeAsync()
        {
            var item = await reader.NextAsync();
            while (item is { Comment: not null })
            {
                // The comment that opens the stream.
                item = await reader.NextAsync();
            }

            Assert.Equal("next", item?.Event);
            using var result = JsonDocument.Parse(item!.Data!);
            return SubscriberOutcome.Describe(result.RootElement.GetProperty("data").GetProperty("experimentStatusChanged"));
        }

        public override Task<List<string>> RestAsync() => reader.RestAsync();

        public override Task CloseAsync() => DropAsync().AsTask();

        /// <summary>An event stream has no goodbye: disposing the unread response closes its connection.</summary>
        public override ValueTask DropAsync() => DisposeAsync();

        public override async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            client.Dispose();
        }
    }
}
