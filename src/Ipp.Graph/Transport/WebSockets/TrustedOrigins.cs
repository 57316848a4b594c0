using Ipp.Graph.Deployment;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// Whose pages may open a WebSocket that speaks for the user the browser's cookie names. A browser sends this server's
/// session cookie with an upgrade request from any page of the same site (SameSite stops other sites only, not another
/// port or subdomain of this one), and WebSockets know no CORS: only the Origin header tells whose page it is. So a
/// browser's upgrade keeps the caller of its request only when it comes from this server's own origin or one whose
/// pages CORS trusts with the browser's credentials (<see cref="BrowserOrigins"/>, <c>Cors:AllowedOrigins</c>); from
/// elsewhere the connection starts anonymous, and may still sign in with a token in <c>connection_init</c>, which no
/// page holds without being given it.
/// </summary>
internal sealed class TrustedOrigins(BrowserOrigins allowed)
{
    /// <summary>
    /// True when <paramref name="request"/> has no Origin (no browser sent it, so nothing in it is ambient), or its
    /// Origin is this server's (the request's scheme, and the host and port of its Host header, as a trusted proxy's
    /// forwarded headers give them: an https page of the same host and port is another origin) or an allowed one.
    /// </summary>
    public bool Trust(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count == 0)
        {
            return true;
        }

        if (origin.Count > 1 || !BrowserOrigins.TryNormalize(origin[0], out var normalized))
        {
            return false; // "null" (a sandboxed or file: page), or not an origin at all.
        }

        var own = BrowserOrigins.TryNormalize($"{request.Scheme}://{request.Host.ToUriComponent()}", out var server) && server == normalized;
        return own || allowed.Contains(normalized);
    }
}
