using System.Buffers;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Telemetry;
using Ipp.Graph.Transport.Http;

namespace Ipp.Graph.Transport.Sse;

/// <summary>
/// GraphQL over Server-Sent Events in graphql-sse's distinct connections mode: a GraphQL request (a POST's JSON
/// body or a GET's query parameters, read as GraphQL over HTTP reads them) answered with an event stream of
/// <c>next</c> events, one per response (a subscription's events, or the one result of a query or mutation), then a
/// <c>complete</c> event; keep-alive comments while it waits. A request that cannot be read is refused as GraphQL
/// over HTTP refuses it (400, 413, 415); one that fails validation is answered in the stream, as the protocol says.
/// The caller is the HTTP request's; closing the connection stops the operation and disposes its stream. When the
/// caller's session ends, a subscription's stream ends with it: a last <c>next</c> event holds an
/// <c>AUTH_NOT_AUTHENTICATED</c> error, then <c>complete</c> (but <c>sessionEnded</c>, which reports that end).
/// </summary>
internal sealed class ServerSentEventsTransport
{
    private const string EventStreamUtf8 = "text/event-stream; charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private static readonly HttpProblem MutationOverGet = new(
        StatusCodes.Status405MethodNotAllowed,
        TransportErrorCodes.MethodNotAllowed,
        "A mutation cannot be sent with GET, which must not change anything: send it with POST.");

    private static readonly ExecutionResult SessionEnded = ExecutionResult.FromError(new GraphQLError(
        "Your session ended (signed out, signed in elsewhere, or expired): sign in again.", code: ServerErrorCodes.AuthNotAuthenticated));

    private readonly ServerSentEventsSettings _settings;
    private readonly RequestRunner _runner;
    private readonly HttpGraphQLRequestReader _reader;
    private readonly ISessionLifetimes _sessions;
    private readonly IHostApplicationLifetime _lifetime;

    public ServerSentEventsTransport(
        ServerSentEventsSettings settings,
        RequestRunner runner,
        HttpGraphQLRequestReader reader,
        ISessionLifetimes sessions,
        IHostApplicationLifetime lifetime)
    {
        _settings = settings;
        _runner = runner;
        _reader = reader;
        _sessions = sessions;
        _lifetime = lifetime;
    }

    /// <summary>Serves one event-stream request until its operation ends or the client goes away.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        HttpResponses.ForbidStoring(context.Response);
        var isGet = HttpMethods.IsGet(context.Request.Method);
        using var read = isGet ? _reader.ReadQueryString(context.Request.Query) : await _reader.ReadBodyAsync(context.Request);
        if (read.Problem is { } problem)
        {
            await HttpResponses.WriteProblemAsync(context, problem);
            return;
        }

        var request = read.Request!;
        var operationType = _runner.GetOperationType(request);
        if (operationType == OperationType.Mutation && isGet)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            await HttpResponses.WriteProblemAsync(context, MutationOverGet);
            return;
        }

        // Stopped by the client going away, the server stopping, or a write that failed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _lifetime.ApplicationStopping);
        using var stream = new EventStreamWriter(context.Response.BodyWriter, stop);
        using var open = TransportMetrics.EventStreamOpened();
        var serverContext = HttpServerRequestContext.Create(context, withResponseHeaders: false);
        try
        {
            // The operation starts before the response does: once the client sees the stream open, a subscription
            // is listening.
            var subscription = operationType == OperationType.Subscription ? await _runner.SubscribeAsync(request, serverContext) : null;
            var result = subscription is null ? await _runner.ExecuteAsync(request, serverContext) : subscription.Result;
            await StartAsync(context.Response, stream);
            if (subscription?.Stream is { } events)
            {
                var sessionEnded = serverContext.ReportsSessionEnd ? null : _sessions.WhenEnded(context.User);
                if (await StreamAsync(events, stream, sessionEnded, stop.Token))
                {
                    await stream.WriteNextAsync(SessionEnded);
                }
            }
            else
            {
                await stream.WriteNextAsync(result!);
            }

            await stream.WriteCompleteAsync();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream ends without "complete", so a client that
            // is still there reconnects.
        }
    }

    private static async Task StartAsync(HttpResponse response, EventStreamWriter stream)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = EventStreamUtf8;

        // Proxies that buffer responses (nginx) would hold the events back.
        response.Headers["X-Accel-Buffering"] = "no";

        // A first comment sends the headers: some browsers announce the stream open only once they see a byte of it.
        await stream.WriteKeepAliveAsync();
    }

    /// <summary>
    /// A subscription's responses as <c>next</c> events, with keep-alive comments while waiting for them, until the
    /// source ends, <paramref name="stop"/> is cancelled or <paramref name="sessionEnded"/> completes (the engine
    /// then ends the stream and disposes its source). True when it ended because the session did.
    /// </summary>
    private async Task<bool> StreamAsync(IAsyncEnumerable<ExecutionResult> events, EventStreamWriter stream, Task? sessionEnded, CancellationToken stop)
    {
        using var keepAlive = _settings.KeepAliveInterval > TimeSpan.Zero ? new PeriodicTimer(_settings.KeepAliveInterval) : null;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(stop);
        Task<bool>? tick = null;
        await using var responses = events.GetAsyncEnumerator(end.Token);
        while (sessionEnded is not { IsCompleted: true })
        {
            var moving = responses.MoveNextAsync().AsTask();

            // The enumerator may not be disposed while a move is pending: every path below waits for it to end,
            // which it does promptly once the stream is told to end.
            while (!moving.IsCompleted && (keepAlive is not null || sessionEnded is not null))
            {
                tick ??= keepAlive?.WaitForNextTickAsync(CancellationToken.None).AsTask();
                var first = await Task.WhenAny(Waits(moving, tick, sessionEnded));
                if (first == moving)
                {
                    break;
                }

                if (first == sessionEnded)
                {
                    await end.CancelAsync();
                    await moving;
                    return true;
                }

                tick = null;
                await stream.WriteKeepAliveAsync();
            }

            if (!await moving)
            {
                return false;
            }

            await stream.WriteNextAsync(responses.Current);
        }

        return true;
    }

    /// <summary>The tasks a waiting stream watches: the next response, and the keep-alive tick and session end when given.</summary>
    private static List<Task> Waits(Task moving, Task? tick, Task? sessionEnded)
    {
        var waits = new List<Task>(3) { moving };
        if (tick is not null)
        {
            waits.Add(tick);
        }

        if (sessionEnded is not null)
        {
            waits.Add(sessionEnded);
        }

        return waits;
    }

    /// <summary>
    /// Writes the events of one stream. A write that fails (the client went away) cancels the stream's stop
    /// source instead of throwing, so the operation ends the way every stop ends it.
    /// </summary>
    private sealed class EventStreamWriter : IDisposable
    {
        private static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();
        private static readonly byte[] NextEvent = "event: next\ndata: "u8.ToArray();
        private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
        private static readonly byte[] CompleteEvent = "event: complete\ndata:\n\n"u8.ToArray();

        private readonly PipeWriter _body;
        private readonly CancellationTokenSource _stop;
        private readonly Utf8JsonWriter _json;

        public EventStreamWriter(PipeWriter body, CancellationTokenSource stop)
        {
            _body = body;
            _stop = stop;
            _json = new Utf8JsonWriter(body, WriterOptions);
        }

        public ValueTask WriteKeepAliveAsync() => WriteAsync(KeepAlive);

        public ValueTask WriteCompleteAsync() => WriteAsync(CompleteEvent);

        /// <summary><c>event: next</c> with the response as its data (JSON has no line breaks: one data line).</summary>
        public ValueTask WriteNextAsync(ExecutionResult result)
        {
            if (_stop.IsCancellationRequested)
            {
                return ValueTask.CompletedTask;
            }

            _body.Write(NextEvent);
            _json.Reset(_body);
            result.WriteTo(_json);
            _json.Flush();
            _body.Write(EventEnd);
            return FlushAsync();
        }

        public void Dispose() => _json.Dispose();

        private ValueTask WriteAsync(byte[] text)
        {
            if (_stop.IsCancellationRequested)
            {
                return ValueTask.CompletedTask;
            }

            _body.Write(text);
            return FlushAsync();
        }

        private async ValueTask FlushAsync()
        {
            try
            {
                var flushed = await _body.FlushAsync(_stop.Token);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    await _stop.CancelAsync();
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                await _stop.CancelAsync();
            }
        }
    }
}
