using System.Security.Claims;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// What every resolver of one request shares: who is calling, the services to use, the request's cancellation,
/// and per-request state such as data loaders. The engine creates none of these; the host (the HTTP or WebSocket
/// transport, a test) fills them in.
/// </summary>
public class RequestContext
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>The caller; an unauthenticated principal when nobody signed in.</summary>
    public ClaimsPrincipal User { get; init; } = Anonymous;

    /// <summary>Services for resolvers (a request scope in the server); null when the host gives none.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>Cancelled when the client goes away or the request runs out of time.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Free-form per-request state for the host and resolvers.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
