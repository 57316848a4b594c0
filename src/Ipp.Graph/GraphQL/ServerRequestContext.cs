using System.Net;
using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// The engine's request context as the server fills it: besides the caller, services and cancellation, where the
/// request came from and, for plain HTTP requests, the response's cookies and headers (WebSocket and SSE operations
/// have none: their headers went out before any operation ran).
/// Resolvers reach it through <see cref="ServerRequestContextExtensions.Server"/>.
/// </summary>
public sealed class ServerRequestContext : RequestContext
{
    private bool _reportsSessionEnd;
    private ExecutionCaller? _liveCaller;

    /// <summary>The client's address, for per-client limits; null when unknown.</summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>The cookies of the HTTP response being prepared; null over WebSocket and SSE.</summary>
    public IResponseCookies? ResponseCookies { get; init; }

    /// <summary>The headers of the HTTP response being prepared (Retry-After); null over WebSocket and SSE.</summary>
    public IHeaderDictionary? ResponseHeaders { get; init; }

    /// <summary>True when the request arrived over HTTPS (cookies are then marked Secure).</summary>
    public bool IsHttps { get; init; }

    /// <summary>
    /// True once the operation said it reports the end of the caller's session (<c>sessionEnded</c>): when the
    /// session ends, the transports end its other operations at once, but let this one deliver its event and complete.
    /// </summary>
    public bool ReportsSessionEnd => Volatile.Read(ref _reportsSessionEnd);

    /// <summary>Says the operation reports the end of the caller's session (see <see cref="ReportsSessionEnd"/>).</summary>
    public void MarkReportsSessionEnd() => Volatile.Write(ref _reportsSessionEnd, true);

    /// <summary>
    /// The live caller as the execution <paramref name="executionId"/> found it the first time it asked, which its
    /// other fields then share (fifty objects of one response cost one check of the session); false when that
    /// execution has not asked yet. A session ending during an execution is seen by the next one.
    /// </summary>
    internal bool TryGetLiveCaller(long executionId, out SignedInCaller? caller)
    {
        var known = Volatile.Read(ref _liveCaller);
        caller = known?.Caller;
        return known is not null && known.ExecutionId == executionId;
    }

    /// <summary>Remembers the live caller the execution found (<see cref="TryGetLiveCaller"/>), replacing another execution's.</summary>
    internal void RememberLiveCaller(long executionId, SignedInCaller? caller) => Volatile.Write(ref _liveCaller, new ExecutionCaller(executionId, caller));

    /// <summary>One execution's answer to who the live caller is: one reference, replaced whole by concurrent executions.</summary>
    private sealed record ExecutionCaller(long ExecutionId, SignedInCaller? Caller);
}

/// <summary>Access to the server's context from a resolver.</summary>
public static class ServerRequestContextExtensions
{
    /// <summary>The server's context of the request this resolver runs in.</summary>
    public static ServerRequestContext Server(this ResolveContext context) => (ServerRequestContext)context.Request;
}
