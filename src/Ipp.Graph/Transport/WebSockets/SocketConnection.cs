using System.Security.Claims;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// What both WebSocket protocols share once a socket is accepted: the receive loop, the initialisation timeout,
/// keep-alive, the caller that <c>connection_init</c> establishes, and the operations, each run in a DI scope of its
/// own through <see cref="RequestRunner"/> and stopped (its subscription stream disposed) when the client stops it or
/// the socket ends. When the caller's session ends, the connection ends with it (<see cref="CloseForSessionEndAsync"/>).
/// The protocols say what the messages are.
/// </summary>
internal abstract class SocketConnection
{
    /// <summary>
    /// How messages are parsed: nested at most 64 deep, and without duplicate members (a message that means one thing
    /// to a proxy and another to the server is refused).
    /// </summary>
    private static readonly JsonDocumentOptions MessageJson = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>The close reason (with <see cref="CloseCodes.Forbidden"/>) of a connection whose session ended.</summary>
    protected const string SessionEndedReason = "Forbidden: the session ended";

    private readonly WebSocketTransport _transport;
    private readonly HttpContext _http;
    private readonly CancellationTokenSource _lifetime;
    private readonly Dictionary<string, SocketOperation> _operationsById = new(StringComparer.Ordinal);
    private readonly HashSet<SocketOperation> _running = [];
    private Task _keepAlive = Task.CompletedTask;
    private Task _sessionWatch = Task.CompletedTask;
    private bool _initReceived;

    protected SocketConnection(WebSocketChannel channel, HttpContext http, WebSocketTransport transport)
    {
        Channel = channel;
        _http = http;
        _transport = transport;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        Caller = transport.Origins.Trust(http.Request) ? http.User : new ClaimsPrincipal(new ClaimsIdentity());
    }

    protected WebSocketChannel Channel { get; }

    protected WebSocketSettings Settings => _transport.Settings;

    protected ILogger Logger => _transport.Logger;

    /// <summary>
    /// Who the connection's operations run for: the caller of the upgrade request (when its origin is trusted), or
    /// the one <c>connection_init</c> authenticates.
    /// </summary>
    protected ClaimsPrincipal Caller { get; private set; }

    /// <summary>True once <c>connection_init</c> was received (a second one is refused).</summary>
    protected bool InitReceived
    {
        get => Volatile.Read(ref _initReceived);
        set => Volatile.Write(ref _initReceived, value);
    }

    /// <summary>True once the connection was acknowledged: operations may run.</summary>
    protected bool Acknowledged { get; private set; }

    /// <summary>Serves the socket until it closes; everything the connection started has ended when this returns.</summary>
    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var stopping = serverStopping.Register(static state => ((SocketConnection)state!).OnServerStopping(), this);
        var initTimeout = CloseUnlessInitialisedAsync();
        try
        {
            while (true)
            {
                var received = await Channel.ReceiveAsync();
                if (received == ReceivedKind.Closed)
                {
                    break;
                }

                if (Channel.IsClosing)
                {
                    // The server closed: what arrives before the client's answer is not read.
                    continue;
                }

                try
                {
                    await HandleAsync(received);
                }
                catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
                {
                    // The client went away while the message was handled.
                    break;
                }
                catch (Exception exception)
                {
                    await FailAsync(exception, "handling a message");
                }
            }
        }
        finally
        {
            await _lifetime.CancelAsync();
            await Task.WhenAll(StopAll());
            await initTimeout;
            await _keepAlive;
            await _sessionWatch;
            _lifetime.Dispose();
        }
    }

    /// <summary>Handles a message: a JSON object with a string <c>type</c> (which may be any text).</summary>
    protected abstract ValueTask OnMessageAsync(string type, JsonElement message);

    /// <summary>
    /// Answers a message that is not one (not JSON, not an object, no type, a field missing or of the wrong type) as
    /// the protocol does; <paramref name="problem"/> says what is wrong.
    /// </summary>
    protected abstract ValueTask RejectAsync(string problem);

    /// <summary>A message over <see cref="WebSocketSettings.MaxMessageBytes"/> arrived (it is not read further).</summary>
    protected abstract ValueTask OnTooLargeAsync();

    /// <summary>
    /// Closes the socket because the caller's session ended (its operations have ended): with 4403, which
    /// graphql-ws clients retry, signing in again through their connection parameters.
    /// </summary>
    protected abstract ValueTask CloseForSessionEndAsync();

    /// <summary>Sends a keep-alive message; false when the socket is gone.</summary>
    protected abstract ValueTask<bool> SendKeepAliveAsync();

    /// <summary>Sends a response that has data (an execution result or an event's).</summary>
    protected abstract ValueTask SendResultAsync(SocketOperation operation, ExecutionResult result);

    /// <summary>Sends the errors of an operation that failed before it executed (it then ends without <c>complete</c>).</summary>
    protected abstract ValueTask SendErrorsAsync(SocketOperation operation, IReadOnlyList<GraphQLError> errors);

    /// <summary>Tells the client the operation ended.</summary>
    protected abstract ValueTask SendCompleteAsync(SocketOperation operation);

    /// <summary>
    /// Authenticates the <c>connection_init</c> payload's token as the connection's caller (without one, the caller
    /// of the upgrade request stays: its Authorization header or session cookie). <c>Stopped</c> when the connection
    /// ended meanwhile (closed, or the authenticator failed: the server's fault, logged and closed); otherwise
    /// <c>Refusal</c> is null when accepted, or why the connection is refused.
    /// </summary>
    protected async ValueTask<(bool Stopped, string? Refusal)> AuthenticateInitAsync(JsonElement? payload)
    {
        try
        {
            return (false, await AuthenticateAsync(payload));
        }
        catch (OperationCanceledException)
        {
            return (true, null);
        }
        catch (Exception exception)
        {
            await FailAsync(exception, "authenticating its connection_init");
            return (true, null);
        }
    }

    private async ValueTask<string?> AuthenticateAsync(JsonElement? payload)
    {
        var authorization = InitAuthorization.Read(payload);
        if (authorization.Refusal is { } refusal)
        {
            return refusal;
        }

        if (authorization.IsGiven)
        {
            await using var scope = _transport.Scopes.CreateAsyncScope();
            var authenticator = scope.ServiceProvider.GetRequiredService<ICallerAuthenticator>();
            Caller = await authenticator.AuthenticateAsync(authorization.Token, _lifetime.Token);
        }

        return null;
    }

    /// <summary>
    /// Marks the connection acknowledged (after the protocol sent its ack), starts keep-alive, and watches the end of
    /// the session of the caller, which is settled now.
    /// </summary>
    protected void Acknowledge()
    {
        Acknowledged = true;
        if (Settings.KeepAliveInterval > TimeSpan.Zero)
        {
            _keepAlive = KeepAliveAsync();
        }

        if (_transport.Sessions.WhenEnded(Caller) is { } sessionEnded)
        {
            _sessionWatch = EndWithSessionAsync(sessionEnded);
        }
    }

    /// <summary>
    /// Closes the socket because the server failed: logged with its details and a correlation id; the client is told
    /// the id only.
    /// </summary>
    protected async ValueTask FailAsync(Exception exception, string doing)
    {
        var correlationId = CorrelationId.ForCurrentRequest();
        Logger.LogError(
            exception,
            "Unexpected error {CorrelationId} on the WebSocket connection from {RemoteAddress} while {Doing}.",
            correlationId,
            _http.Connection.RemoteIpAddress,
            doing);
        await Channel.CloseAsync(CloseCodes.InternalServerError, "Internal server error " + correlationId);
    }

    /// <summary>Whether an operation with this id is running.</summary>
    protected bool IsRunning(string id)
    {
        lock (_operationsById)
        {
            return _operationsById.ContainsKey(id);
        }
    }

    /// <summary>
    /// Starts <paramref name="request"/> as the operation <paramref name="id"/> (which must not be running); false,
    /// with nothing started, when the connection already runs as many operations as it may.
    /// </summary>
    protected bool TryStart(string id, GraphQLRequest request)
    {
        SocketOperation operation;
        lock (_operationsById)
        {
            if (_operationsById.Count >= Settings.MaxOperations)
            {
                return false;
            }

            operation = new SocketOperation(id, _lifetime.Token);
            _operationsById.Add(id, operation);
            _running.Add(operation);
        }

        operation.Running = RunAsync(operation, request);
        return true;
    }

    /// <summary>Stops the operation <paramref name="id"/>: nothing more is sent about it; false when none runs.</summary>
    protected bool Stop(string id)
    {
        lock (_operationsById)
        {
            if (!_operationsById.Remove(id, out var operation))
            {
                return false;
            }

            operation.Cancel();
            return true;
        }
    }

    /// <summary>
    /// The <c>id</c> of a message of <paramref name="type"/>: a non-empty string; null, the message rejected, when it
    /// is not one.
    /// </summary>
    protected async ValueTask<string?> ReadIdAsync(JsonElement message, string type)
    {
        if (message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        await RejectAsync($"Invalid message: \"{type}\" needs an 'id' that is a non-empty string");
        return null;
    }

    /// <summary>The error that refuses an operation beyond <see cref="WebSocketSettings.MaxOperations"/>.</summary>
    protected GraphQLError TooManyOperations() =>
        new($"This connection already runs {Settings.MaxOperations} operations, the most it may: complete one first.", code: TransportErrorCodes.TooManyOperations);

    /// <summary>A received message: refused when it is too large, binary, not JSON, or not an object with a type.</summary>
    private async ValueTask HandleAsync(ReceivedKind received)
    {
        if (received == ReceivedKind.TooLarge)
        {
            await OnTooLargeAsync();
            return;
        }

        if (received == ReceivedKind.Binary)
        {
            await RejectAsync("Invalid message: binary messages are not supported, send JSON text");
            return;
        }

        JsonDocument document;
        try
        {
            // A text message is valid UTF-8: the WebSocket layer closes the socket (1007) on one that is not.
            document = ClientJson.Parse(Channel.Message, MessageJson);
        }
        catch (JsonException exception)
        {
            await RejectAsync("Invalid JSON: " + exception.Message);
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                await RejectAsync($"Invalid message: expected a JSON object, got {GraphQLRequestJson.Describe(message.ValueKind)}");
            }
            else if (!message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                await RejectAsync("Invalid message: the 'type' property must be a string");
            }
            else
            {
                await OnMessageAsync(JsonStrings.GetString(type), message);
            }
        }
    }

    private async Task RunAsync(SocketOperation operation, GraphQLRequest request)
    {
        try
        {
            await using var scope = _transport.Scopes.CreateAsyncScope();
            var context = new ServerRequestContext
            {
                User = Caller,
                Services = scope.ServiceProvider,
                CancellationToken = operation.Token,
                RemoteAddress = _http.Connection.RemoteIpAddress,
                IsHttps = _http.Request.IsHttps,
            };
            operation.Context = context;

            if (_transport.Runner.GetOperationType(request) == OperationType.Subscription)
            {
                var subscription = await _transport.Runner.SubscribeAsync(request, context);
                if (subscription.Stream is { } stream)
                {
                    await StreamAsync(operation, stream);
                }
                else
                {
                    await SendSingleAsync(operation, subscription.Result!);
                }
            }
            else
            {
                await SendSingleAsync(operation, await _transport.Runner.ExecuteAsync(request, context));
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // Stopped by the client or the socket's end: nothing more to say.
        }
        catch (Exception exception)
        {
            await FailAsync(exception, $"running operation {operation.Id}");
        }
        finally
        {
            lock (_operationsById)
            {
                if (_operationsById.TryGetValue(operation.Id, out var registered) && registered == operation)
                {
                    _operationsById.Remove(operation.Id);
                }

                _running.Remove(operation);
            }

            operation.Dispose();
        }
    }

    /// <summary>A query's or mutation's response, or a subscription's that did not start.</summary>
    private async ValueTask SendSingleAsync(SocketOperation operation, ExecutionResult result)
    {
        if (!result.HasData)
        {
            await SendErrorsAsync(operation, result.Errors ?? []);
            return;
        }

        await SendResultAsync(operation, result);
        await SendCompleteAsync(operation);
    }

    /// <summary>A subscription's events until its source ends, fails, or the operation is stopped (which disposes the stream).</summary>
    private async ValueTask StreamAsync(SocketOperation operation, IAsyncEnumerable<ExecutionResult> stream)
    {
        await using (var events = stream.GetAsyncEnumerator(operation.Token))
        {
            while (await events.MoveNextAsync())
            {
                if (!events.Current.HasData)
                {
                    // The source stream failed: its error ends the operation.
                    await SendErrorsAsync(operation, events.Current.Errors ?? []);
                    return;
                }

                await SendResultAsync(operation, events.Current);
            }
        }

        await SendCompleteAsync(operation);
    }

    /// <summary>
    /// Cancels every operation still running, but those that report the end of the session when
    /// <paramref name="sessionEnded"/>; the tasks of all, to wait for.
    /// </summary>
    private List<Task> StopAll(bool sessionEnded = false)
    {
        lock (_operationsById)
        {
            var tasks = new List<Task>(_running.Count);
            foreach (var operation in _running)
            {
                if (!sessionEnded || !operation.ReportsSessionEnd)
                {
                    operation.Cancel();
                    if (_operationsById.TryGetValue(operation.Id, out var registered) && registered == operation)
                    {
                        _operationsById.Remove(operation.Id);
                    }
                }

                tasks.Add(operation.Running);
            }

            return tasks;
        }
    }

    /// <summary>
    /// Once the caller's session ends: stops the operations (those reporting the end first deliver their event and
    /// complete), then closes the socket. Nothing when the connection ends first.
    /// </summary>
    private async Task EndWithSessionAsync(Task sessionEnded)
    {
        var connectionEnded = Task.Delay(Timeout.InfiniteTimeSpan, _lifetime.Token);
        if (await Task.WhenAny(sessionEnded, connectionEnded) == connectionEnded)
        {
            return;
        }

        await Task.WhenAll(StopAll(sessionEnded: true));
        await CloseForSessionEndAsync();
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        if (Settings.ConnectionInitTimeout <= TimeSpan.Zero)
        {
            return;
        }

        // The connection's end is no error: observed without an exception (each one thrown costs, per closed socket).
        await Task.Delay(Settings.ConnectionInitTimeout, _lifetime.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_lifetime.IsCancellationRequested && !InitReceived)
        {
            await Channel.CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task KeepAliveAsync()
    {
        // The connection's end disposes the timer, which ends the wait for its next tick (rather than cancelling it,
        // which would throw).
        using var timer = new PeriodicTimer(Settings.KeepAliveInterval);
        using var stop = _lifetime.Token.Register(static timer => ((PeriodicTimer)timer!).Dispose(), timer);
        while (await timer.WaitForNextTickAsync() && await SendKeepAliveAsync())
        {
        }
    }

    private void OnServerStopping() => _ = Channel.CloseAsync((int)System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "Server shutting down").AsTask();
}
