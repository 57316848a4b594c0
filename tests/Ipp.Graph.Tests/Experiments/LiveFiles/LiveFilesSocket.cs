using System.Text.Json;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Experiments.LiveFiles;

/// <summary>
/// One subscription (<c>experimentOutputs</c> or <c>experimentLog</c>) over a real graphql-transport-ws WebSocket,
/// read message by message: its events, its error, its completion. Pings are answered and skipped.
/// </summary>
public sealed class LiveFilesSocket : IAsyncDisposable
{
    public const string Outputs =
        "subscription($id: ID!) { experimentOutputs(id: $id) { experimentId status final files { name size downloadUrl } } }";

    public const string Log =
        "subscription($id: ID!, $from: Long) { experimentLog(id: $id, from: $from) { experimentId name offset nextOffset text final } }";

    private readonly TestSocket _socket;
    private readonly string _field;

    private LiveFilesSocket(TestSocket socket, string field)
    {
        _socket = socket;
        _field = field;
    }

    /// <summary>Subscribes with <paramref name="query"/> and <paramref name="variables"/> as the holder of <paramref name="token"/>.</summary>
    public static async Task<LiveFilesSocket> OpenAsync(RunningServer server, string token, string query, object variables)
    {
        var socket = await TestSocket.InitialisedAsync(server, $$"""{"authorization":"Bearer {{token}}"}""");
        await socket.SendAsync(JsonSerializer.Serialize(new { id = "s", type = "subscribe", payload = new { query, variables } }));
        return new LiveFilesSocket(socket, query.Contains("experimentOutputs", StringComparison.Ordinal) ? "experimentOutputs" : "experimentLog");
    }

    /// <summary>The next event's object; fails on an error or the end.</summary>
    public async Task<JsonElement> NextAsync()
    {
        var message = await ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        var payload = message.GetProperty("payload");
        Assert.False(payload.TryGetProperty("errors", out _), payload.ToString());
        return payload.GetProperty("data").GetProperty(_field);
    }

    /// <summary>The error that refused the subscription: its one error's message, code and path.</summary>
    public async Task<(string Message, string Code, string Path)> ErrorAsync()
    {
        var message = await ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "error", message.ToString());
        var error = Assert.Single(message.GetProperty("payload").EnumerateArray());
        return (
            error.GetProperty("message").GetString()!,
            error.GetProperty("extensions").GetProperty("code").GetString()!,
            string.Join('.', error.GetProperty("path").EnumerateArray().Select(part => part.GetString())));
    }

    /// <summary>Asserts the server completed the subscription with nothing before.</summary>
    public async Task AssertCompleteAsync()
    {
        var message = await ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "complete", message.ToString());
    }

    /// <summary>Stops the subscription as a client that is done with it.</summary>
    public Task CompleteAsync() => _socket.SendAsync("""{"id":"s","type":"complete"}""");

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private async Task<JsonElement> ReceiveAsync()
    {
        while (true)
        {
            var message = await _socket.ReceiveJsonAsync();
            switch (message.GetProperty("type").GetString())
            {
                case "ping":
                    await _socket.SendAsync("""{"type":"pong"}""");
                    break;
                case "pong":
                    break;
                default:
                    return message;
            }
        }
    }
}
