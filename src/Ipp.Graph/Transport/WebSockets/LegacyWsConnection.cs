using System.Net.WebSockets;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Transport;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// The legacy <c>graphql-ws</c> subprotocol of subscriptions-transport-ws (older Apollo clients), as its
/// PROTOCOL.md gives it: <c>connection_init</c> answered by <c>connection_ack</c> and <c>ka</c> (then <c>ka</c> on
/// the keep-alive interval) or <c>connection_error</c>; <c>start</c> answered by <c>data</c>, <c>error</c> and
/// <c>complete</c>; <c>stop</c>; <c>connection_terminate</c>. A malformed message is answered with
/// <c>connection_error</c> and ignored, as the protocol says; the socket stays open.
/// </summary>
internal sealed class LegacyWsConnection : SocketConnection
{
    /// <summary>The subprotocol's name.</summary>
    public const string Protocol = "graphql-ws";

    public LegacyWsConnection(WebSocketChannel channel, HttpContext http, WebSocketTransport transport)
        : base(channel, http, transport)
    {
    }

    protected override ValueTask OnTooLargeAsync() =>
        Channel.CloseAsync((int)WebSocketCloseStatus.MessageTooBig, $"Message larger than {Settings.MaxMessageBytes} bytes");

    /// <summary>Says why in a <c>connection_error</c> first, as a refused <c>connection_init</c> does.</summary>
    protected override async ValueTask CloseForSessionEndAsync()
    {
        await RejectAsync(SessionEndedReason);
        await Channel.CloseAsync(CloseCodes.Forbidden, SessionEndedReason);
    }

    protected override async ValueTask<bool> SendKeepAliveAsync() =>
        await Channel.SendAsync("ka", SocketMessages.WriteType);

    protected override async ValueTask SendResultAsync(SocketOperation operation, ExecutionResult result) =>
        await Channel.SendAsync(("data", operation.Id, result), SocketMessages.WriteResult, operation.Token);

    protected override async ValueTask SendErrorsAsync(SocketOperation operation, IReadOnlyList<GraphQLError> errors) =>
        await Channel.SendAsync(("error", operation.Id, errors), SocketMessages.WriteErrors, operation.Token);

    protected override async ValueTask SendCompleteAsync(SocketOperation operation) =>
        await Channel.SendAsync(("complete", operation.Id), SocketMessages.WriteOperationEnd, operation.Token);

    protected override async ValueTask OnMessageAsync(string type, JsonElement message)
    {
        switch (type)
        {
            case "start":
                await OnStartAsync(message);
                break;
            case "stop":
                if (await ReadIdAsync(message, "stop") is { } id && Stop(id))
                {
                    await Channel.SendAsync(("complete", id), SocketMessages.WriteOperationEnd);
                }

                break;
            case "connection_init":
                await OnInitAsync(message.TryGetProperty("payload", out var payload) ? payload : null);
                break;
            case "connection_terminate":
                await Channel.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "");
                break;
            case var unknown:
                await RejectAsync($"Invalid message: unknown type \"{unknown}\"");
                break;
        }
    }

    private async ValueTask OnInitAsync(JsonElement? payload)
    {
        if (InitReceived)
        {
            await RejectAsync("Too many initialisation requests");
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
            await RejectAsync("Forbidden: " + refusal);
            await Channel.CloseAsync(CloseCodes.Forbidden, "Forbidden: " + refusal);
            return;
        }

        if (await Channel.SendAsync("connection_ack", SocketMessages.WriteType))
        {
            // The protocol sends the first keep-alive right after the ack; clients start watching for them then.
            if (Settings.KeepAliveInterval > TimeSpan.Zero)
            {
                await SendKeepAliveAsync();
            }

            Acknowledge();
        }
    }

    private async ValueTask OnStartAsync(JsonElement message)
    {
        if (await ReadIdAsync(message, "start") is not { } id)
        {
            return;
        }

        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            await SendOperationErrorAsync(id, "The \"start\" payload must be an object holding the GraphQL request.", TransportErrorCodes.BadRequest);
            return;
        }

        // The request outlives this message (whose bytes the next receive reuses): it reads a copy.
        if (!GraphQLRequestJson.TryRead(payload.Clone(), out var request, out var problem))
        {
            await SendOperationErrorAsync(id, problem!, TransportErrorCodes.BadRequest);
            return;
        }

        if (!Acknowledged)
        {
            await SendOperationErrorAsync(id, "The connection is not initialised: send connection_init first.", TransportErrorCodes.BadRequest);
            return;
        }

        // As subscriptions-transport-ws does, a start with the id of a running operation replaces it.
        Stop(id);
        if (!TryStart(id, request!))
        {
            await Channel.SendAsync(("error", id, (IReadOnlyList<GraphQLError>)[TooManyOperations()]), SocketMessages.WriteErrors);
        }
    }

    /// <summary>Answers with <c>connection_error</c>, as the protocol does for a message it cannot parse; the socket stays open.</summary>
    protected override async ValueTask RejectAsync(string problem) =>
        await Channel.SendAsync(("connection_error", problem), SocketMessages.WriteMessage);

    private async ValueTask SendOperationErrorAsync(string id, string message, string code) =>
        await Channel.SendAsync(("error", id, (IReadOnlyList<GraphQLError>)[new GraphQLError(message, code: code)]), SocketMessages.WriteErrors);
}
