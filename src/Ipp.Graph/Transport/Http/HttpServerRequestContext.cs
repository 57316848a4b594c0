using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Transport.Http;

/// <summary>The server's request context of an HTTP request.</summary>
public static class HttpServerRequestContext
{
    /// <summary>
    /// The context resolvers run in for <paramref name="context"/>: the authenticated caller, the request's services
    /// and cancellation, the client's address, and (unless the response is a stream whose headers go out first,
    /// as Server-Sent Events) the response's cookies and headers.
    /// </summary>
    public static ServerRequestContext Create(HttpContext context, bool withResponseHeaders = true) => Create(context, context.RequestAborted, null, withResponseHeaders);

    /// <summary>
    /// As <see cref="Create(HttpContext, bool)"/>, the operation cancelled by <paramref name="cancellation"/> and
    /// limited to <paramref name="executionTimeout"/> (null: the engine's limit).
    /// </summary>
    public static ServerRequestContext Create(HttpContext context, CancellationToken cancellation, TimeSpan? executionTimeout, bool withResponseHeaders = true) => new()
    {
        User = context.User,
        Services = context.RequestServices,
        CancellationToken = cancellation,
        ExecutionTimeout = executionTimeout,
        RemoteAddress = context.Connection.RemoteIpAddress,
        ResponseCookies = withResponseHeaders ? context.Response.Cookies : null,
        ResponseHeaders = withResponseHeaders ? context.Response.Headers : null,
        IsHttps = context.Request.IsHttps,
    };
}
