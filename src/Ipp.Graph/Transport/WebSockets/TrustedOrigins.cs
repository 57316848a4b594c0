namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// Whose pages may open a WebSocket that speaks for the user the browser's cookie names. A browser sends this server's
/// session cookie with an upgrade request from any page of the same site (SameSite stops other sites only, not another
/// port or subdomain of this one), and WebSockets know no CORS: only the Origin header tells whose page it is. So a
/// browser's upgrade keeps the caller of its request only when it comes from this server's own origin or an allowed
/// one (<see cref="WebSocketSettings.AllowedOrigins"/>); from elsewhere the connection starts anonymous, and may still
/// sign in with a token in <c>connection_init</c>, which no page holds without being given it.
/// </summary>
internal sealed class TrustedOrigins
{
    private readonly HashSet<string> _allowed = new(StringComparer.Ordinal); // Normalized: lower case.

    /// <summary>Trusts the server's own origin and <paramref name="allowed"/> (each valid for <see cref="TryNormalize"/>).</summary>
    public TrustedOrigins(IEnumerable<string> allowed)
    {
        foreach (var origin in allowed)
        {
            _allowed.Add(TryNormalize(origin, out var normalized) ? normalized : throw new ArgumentException($"Not an origin: {origin}", nameof(allowed)));
        }
    }

    /// <summary>
    /// True when <paramref name="request"/> has no Origin (no browser sent it, so nothing in it is ambient), or its
    /// Origin is this server's (the request's scheme, and the host and port of its Host header: an https page of the
    /// same host and port is another origin) or an allowed one.
    /// </summary>
    public bool Trust(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count == 0)
        {
            return true;
        }

        if (origin.Count > 1 || !TryNormalize(origin[0], out var normalized))
        {
            return false; // "null" (a sandboxed or file: page), or not an origin at all.
        }

        var own = TryNormalize($"{request.Scheme}://{request.Host.ToUriComponent()}", out var server) && server == normalized;
        return own || _allowed.Contains(normalized);
    }

    /// <summary>
    /// True when <paramref name="text"/> is an origin, <c>http(s)://host[:port]</c> with nothing after it but an
    /// optional slash; <paramref name="normalized"/> is then its scheme, host and (non-default) port, lower case.
    /// </summary>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0
            || uri.PathAndQuery != "/"
            || uri.Fragment.Length > 0)
        {
            return false;
        }

        normalized = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        return true;
    }
}
