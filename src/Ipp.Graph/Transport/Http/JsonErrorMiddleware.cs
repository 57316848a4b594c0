using Ipp.Graph.Engine.Error;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Transport.Http;

/// <summary>
/// The outermost middleware: every failure gets a JSON error body. An exception escaping the pipeline is a server
/// bug: it is logged once with a correlation id and answered with a 500 saying "Unexpected error." and the id,
/// nothing of the exception. A request Kestrel found malformed while the application read it answers with its
/// status; a client that went away gets nothing. An error status left without a body (404 or 405 from routing)
/// gets one.
/// </summary>
public sealed partial class JsonErrorMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<JsonErrorMiddleware> _logger;

    public JsonErrorMiddleware(RequestDelegate next, ILogger<JsonErrorMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            LogClientGone(_logger, context.Request.Method, context.Request.Path);
            return;
        }
        catch (BadHttpRequestException exception)
        {
            LogBadRequest(_logger, exception.StatusCode, exception.Message);
            await ReplaceResponseAsync(context, HttpProblem.ForStatus(exception.StatusCode) with { Message = exception.Message });
            return;
        }
        catch (Exception exception)
        {
            var correlationId = CorrelationId.ForCurrentRequest();
            LogUnhandled(_logger, exception, correlationId, context.Request.Method, context.Request.Path);
            await ReplaceResponseAsync(
                context,
                new HttpProblem(StatusCodes.Status500InternalServerError, ErrorCodes.InternalServerError, UnexpectedErrors.Message),
                new Dictionary<string, object?> { [CorrelationId.ExtensionKey] = correlationId });
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400
            && !response.HasStarted
            && response.ContentType is null
            && response.ContentLength is null
            && !HttpMethods.IsHead(context.Request.Method))
        {
            await HttpResponses.WriteProblemAsync(context, ProblemOf(context));
        }
    }

    /// <summary>What a bodiless error status means, in words that name the path or the allowed methods.</summary>
    private static HttpProblem ProblemOf(HttpContext context)
    {
        var problem = HttpProblem.ForStatus(context.Response.StatusCode);
        return context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => problem with { Message = $"Nothing is served at {context.Request.Path}." },
            StatusCodes.Status405MethodNotAllowed when context.Response.Headers.Allow is { Count: > 0 } allow =>
                problem with { Message = $"{context.Request.Method} is not allowed here; use {allow}." },
            _ => problem,
        };
    }

    /// <summary>Answers with <paramref name="problem"/> in place of whatever was being prepared; aborts when the response already went out.</summary>
    private static async Task ReplaceResponseAsync(HttpContext context, HttpProblem problem, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        context.Response.Clear();
        try
        {
            await HttpResponses.WriteProblemAsync(context, problem, extensions: extensions);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away meanwhile.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client went away during {Method} {Path}.")]
    private static partial void LogClientGone(ILogger logger, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Malformed HTTP request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error {CorrelationId} while serving {Method} {Path}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId, string method, PathString path);
}
