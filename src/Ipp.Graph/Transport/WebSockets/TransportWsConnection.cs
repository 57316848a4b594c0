using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// The <c>graphql-transport-ws</c> subprotocol, as graphql-ws's PROTOCOL.md gives it: <c>connection_init</c> /
/// <c>connection_ack</c>, <c>ping</c> / <c>pong</c>, <c>subscribe</c> answered by <c>next</c>, <c>error</c> and
/// <c>complete</c>, <c>complete</c> from the client; any breach closes the socket with the protocol's code.
/// </summary>
internal sealed class TransportWsConnection : SocketConnection
{
    /// <summary>The subprotocol's name.</summary>
    public const string Protocol = "graphql-transport-ws";

    public TransportWsConnection(WebSocketChannel channel, HttpContext http, WebSocketTransport transport)
        : base(channel, http, transport)
    {
    }

    protected override ValueTask OnTooLargeAsync() =>
        Channel.CloseAsync(CloseCodes.BadRequest, $"Invalid message: larger than {Settings.MaxMessageBytes} bytes");

    protected override ValueTask CloseForSessionEndAsync() => Channel.CloseAsync(CloseCodes.Forbidden, SessionEndedReason);

    protected override async ValueTask<bool> SendKeepAliveAsync() =>
        await Channel.SendAsync("ping", SocketMessages.WriteType);

    protected override async ValueTask SendResultAsync(SocketOperation operation, ExecutionResult result) =>
        await Channel.SendAsync(("next", operation.Id, result), SocketMessages.WriteResult, operation.Token);

    protected override async ValueTask SendErrorsAsync(SocketOperation operation, IReadOnlyList<GraphQLError> errors) =>
        await Channel.SendAsync(("error", operation.Id, errors), SocketMessages.WriteErrors, operation.Token);

    protected override async ValueTask SendCompleteAsync(SocketOperation operation) =>
        await Channel.SendAsync(("complete", operation.Id), SocketMessages.WriteOperationEnd, operation.Token);

    protected override async ValueTask OnMessageAsync(string type, JsonElement message)
    {
        switch (type)
        {
            case "subscribe":
                await OnSubscribeAsync(message);
                break;
            case "complete":
                if (await ReadIdAsync(message, "complete") is { } id)
                {
                    // An id that is not running was completed already (by either side): nothing to do.
                    Stop(id);
                }

                break;
            case ("ping" or "pong" or "connection_init") and var connectionType:
                await OnConnectionMessageAsync(connectionType, message);
                break;
            case ("connection_ack" or "next" or "error") and var serverType:
                await RejectAsync($"Invalid message: \"{serverType}\" is sent by servers only");
                break;
            case var unknown:
                await RejectAsync($"Invalid message: unknown type \"{unknown}\"");
                break;
        }
    }

    /// <summary><c>connection_init</c>, <c>ping</c> and <c>pong</c>: an optional object payload.</summary>
    private async ValueTask OnConnectionMessageAsync(string type, JsonElement message)
    {
        JsonElement? payload = message.TryGetProperty("payload", out var given) && given.ValueKind != JsonValueKind.Null ? given : null;
        if (payload is { ValueKind: not JsonValueKind.Object })
        {
            await RejectAsync($"Invalid message: the \"{type}\" payload must be an object");
            return;
        }

        switch (type)
        {
            case "ping":
                await Channel.SendAsync(("pong", payload), SocketMessages.WriteEcho);
                break;
            case "connection_init":
                await OnInitAsync(payload);
                break;
        }
    }

    private async ValueTask OnInitAsync(JsonElement? payload)
    {
        if (InitReceived)
        {
            await Channel.CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        InitReceived = true;
        var (stopped, refusal) = await AuthenticateInitAsync(payload);
        if (stopped)
        {
            return;
        }

        if (refusal is not null)
        {
            await Channel.CloseAsync(CloseCodes.Forbidden, "Forbidden: " + refusal);
            return;
        }

        if (await Channel.SendAsync("connection_ack", SocketMessages.WriteType))
        {
            Acknowledge();
        }
    }

    private async ValueTask OnSubscribeAsync(JsonElement message)
    {
        if (await ReadIdAsync(message, "subscribe") is not { } id)
        {
            return;
        }

        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            await RejectAsync("Invalid message: the \"subscribe\" payload must be an object");
            return;
        }

        // The request outlives this message (whose bytes the next receive reuses): it reads a copy.
        if (!GraphQLRequestJson.TryRead(payload.Clone(), out var request, out var problem))
        {
            await RejectAsync("Invalid message: " + problem);
            return;
        }

        if (!Acknowledged)
        {
            await Channel.CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        if (IsRunning(id))
        {
            await Channel.CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (!TryStart(id, request!))
        {
            await Channel.SendAsync(("error", id, (IReadOnlyList<GraphQLError>)[TooManyOperations()]), SocketMessages.WriteErrors);
        }
    }

    /// <summary>Closes the socket with 4400 and the problem as its reason.</summary>
    protected override ValueTask RejectAsync(string problem) => Channel.CloseAsync(CloseCodes.BadRequest, problem);
}
