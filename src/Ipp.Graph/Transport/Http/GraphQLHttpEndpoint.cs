using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Transport.Multipart;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport.Http;

/// <summary>
/// <c>/graphql</c> as GraphQL over HTTP serves it: POST with a JSON body, GET with query parameters (queries only),
/// the response in the media type the Accept header prefers, with the status codes the spec gives that type; and
/// <c>GET /graphql?sdl</c>, the schema as SDL. A POST with a <c>multipart/form-data</c> body is a GraphQL multipart
/// request (files), read by <see cref="MultipartRequestReader"/> and then answered as any POST.
/// </summary>
public sealed class GraphQLHttpEndpoint
{
    private static readonly ExecutionResult SubscriptionsNotServed = ExecutionResult.FromError(new GraphQLError(
        "Subscriptions are not served over plain HTTP requests: subscribe over a WebSocket (graphql-transport-ws) or Server-Sent Events.",
        code: TransportErrorCodes.BadRequest));

    private static readonly HttpProblem MutationOverGet = new(
        StatusCodes.Status405MethodNotAllowed,
        TransportErrorCodes.MethodNotAllowed,
        "A mutation cannot be sent with GET, which must not change anything: send it with POST.");

    private readonly RequestRunner _runner;
    private readonly HttpGraphQLRequestReader _reader;
    private readonly MultipartRequestReader _multipartReader;
    private readonly Lazy<byte[]> _sdl;

    public GraphQLHttpEndpoint(RequestRunner runner, HttpGraphQLRequestReader reader, MultipartRequestReader multipartReader, Schema schema)
    {
        _runner = runner;
        _reader = reader;
        _multipartReader = multipartReader;
        _sdl = new Lazy<byte[]>(() => System.Text.Encoding.UTF8.GetBytes(ContractSchema.Print(schema)));
    }

    /// <summary>POST /graphql.</summary>
    public async Task PostAsync(HttpContext context)
    {
        HttpResponses.ForbidStoring(context.Response);
        if (Negotiate(context) is not { } format)
        {
            await NotAcceptableAsync(context);
            return;
        }

        // A multipart request (files) holds the same GraphQL request; it runs while its files arrive, and its
        // uploaded files go when it is disposed, once they stopped arriving.
        using var read = MultipartRequestReader.IsMultipart(context.Request)
            ? await _multipartReader.ReadAsync(context)
            : await _reader.ReadBodyAsync(context.Request);
        try
        {
            await RespondAsync(context, read, format, isGet: false);
        }
        finally
        {
            await ((Task)read.FilesRead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>GET /graphql: a query in the query string, or the schema (<c>?sdl</c>).</summary>
    public async Task GetAsync(HttpContext context)
    {
        context.Response.Headers.Vary = HeaderNames.Accept;
        if (context.Request.Query.ContainsKey("sdl"))
        {
            await WriteSdlAsync(context);
            return;
        }

        HttpResponses.ForbidStoring(context.Response);
        if (Negotiate(context) is not { } format)
        {
            await NotAcceptableAsync(context);
            return;
        }

        using var read = _reader.ReadQueryString(context.Request.Query);
        await RespondAsync(context, read, format, isGet: true);
    }

    private static GraphQLResponseFormat? Negotiate(HttpContext context) =>
        AcceptNegotiation.Negotiate(context.Request.Headers.Accept) is var format and not GraphQLResponseFormat.None ? format : null;

    private static Task NotAcceptableAsync(HttpContext context) =>
        HttpResponses.WriteProblemAsync(context, HttpProblem.NotAcceptable(
            "The Accept header allows none of the response types served here: application/graphql-response+json and application/json."));

    private async Task RespondAsync(HttpContext context, HttpGraphQLRequest read, GraphQLResponseFormat format, bool isGet)
    {
        var contentType = HttpResponses.ContentTypeOf(format);
        if (read.Problem is { } problem)
        {
            await HttpResponses.WriteProblemAsync(context, problem, contentType);
            return;
        }

        var request = read.Request!;
        switch (_runner.GetOperationType(request))
        {
            case OperationType.Mutation when isGet:
                context.Response.Headers.Allow = HttpMethods.Post;
                await HttpResponses.WriteProblemAsync(context, MutationOverGet, contentType);
                return;
            case OperationType.Subscription:
                // A well-formed request that cannot run here: the GraphQL request error of its media type.
                if (!await RefusedFilesAsync(context, read, contentType))
                {
                    await WriteResultAsync(context, SubscriptionsNotServed, format);
                }

                return;
        }

        ExecutionResult result;
        try
        {
            result = read.FilesRead.IsCompleted
                ? await _runner.ExecuteAsync(request, HttpServerRequestContext.Create(context))
                : await ExecuteWhileFilesArriveAsync(context, request, read.FilesRead);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer.
            return;
        }

        if (!await RefusedFilesAsync(context, read, contentType))
        {
            await WriteResultAsync(context, result, format);
        }
    }

    /// <summary>
    /// Runs the operation of a multipart request whose files are still arriving. Receiving them may take longer than
    /// an operation may (the engine's <see cref="EngineOptions.ExecutionTimeout"/>): its time is counted from when the
    /// files were read, and meanwhile it is bounded by the body's own limits and the storage's idle timeouts.
    /// </summary>
    private async Task<ExecutionResult> ExecuteWhileFilesArriveAsync(HttpContext context, GraphQLRequest request, Task filesRead)
    {
        var timeout = _runner.Executor.Options.ExecutionTimeout;
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var counting = filesRead.ContinueWith(
            _ =>
            {
                if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
                {
                    timeLimit.CancelAfter(timeout);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            return await _runner.ExecuteAsync(request, HttpServerRequestContext.Create(context, timeLimit.Token, Timeout.InfiniteTimeSpan));
        }
        catch (OperationCanceledException) when (timeLimit.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            return ExecutionResult.TimedOut(timeout);
        }
        finally
        {
            // The time limit is disposed below: the continuation that sets it must have run (or never will).
            timeLimit.Cancel(throwOnFirstException: false);
            await counting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Waits until a multipart request's files were read; when they could not be (a limit, a malformed part), answers
    /// the transport's problem instead of the operation's result (whose resolvers recorded nothing: they wait for the
    /// files first) and returns true. The rest of the body is then left unread: the connection is not kept.
    /// </summary>
    private static async Task<bool> RefusedFilesAsync(HttpContext context, HttpGraphQLRequest read, string contentType)
    {
        if (await read.FilesRead is not { } problem)
        {
            return false;
        }

        context.Response.Headers.Connection = "close";
        await HttpResponses.WriteProblemAsync(context, problem, contentType);
        return true;
    }

    /// <summary>
    /// Writes a GraphQL response with the status its media type calls for: under application/json, 200 for every
    /// well-formed request; under application/graphql-response+json, 200 when execution began (the response has
    /// <c>data</c>, even null), else 400 for a request error (syntax, validation, operation, variables) or 500 when
    /// the engine itself failed.
    /// </summary>
    private static Task WriteResultAsync(HttpContext context, ExecutionResult result, GraphQLResponseFormat format)
    {
        var status = format == GraphQLResponseFormat.Json || result.HasData
            ? StatusCodes.Status200OK
            : HasInternalError(result) ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
        return HttpResponses.WriteResultAsync(context, result, status, HttpResponses.ContentTypeOf(format));
    }

    private static bool HasInternalError(ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
        {
            if (error.Code == ErrorCodes.InternalServerError)
            {
                return true;
            }
        }

        return false;
    }

    private async Task WriteSdlAsync(HttpContext context)
    {
        if (!AcceptNegotiation.Accepts(context.Request.Headers.Accept, "text", "plain"))
        {
            await HttpResponses.WriteProblemAsync(context, HttpProblem.NotAcceptable("The schema is served as text/plain, which the Accept header does not allow."));
            return;
        }

        var sdl = _sdl.Value;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = MediaTypes.PlainTextUtf8;
        context.Response.ContentLength = sdl.Length;
        await context.Response.Body.WriteAsync(sdl, context.RequestAborted);
    }
}
