using System.Diagnostics;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// Identifiers tying an error a client sees ("Unexpected error." with its <c>correlationId</c>) to the server's log
/// and traces: the W3C trace id of the request being served (32 hexadecimal digits). ASP.NET Core starts an activity
/// for every request, and the log's scopes carry its <c>TraceId</c> on every line written while serving it, so the id
/// finds the request's whole log, and its trace when traces are exported. A trace id a client sent in a
/// <c>traceparent</c> header is the request's too: it names that client's own requests only.
/// </summary>
public static class CorrelationId
{
    /// <summary>The key of the identifier in an error's <c>extensions</c>.</summary>
    public const string ExtensionKey = "correlationId";

    /// <summary>The current request's trace id; a new random one outside a request (a background task, a test).</summary>
    public static string ForCurrentRequest() =>
        (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId : ActivityTraceId.CreateRandom()).ToHexString();
}
