namespace Ipp.Graph.Deployment;

/// <summary>
/// The one list of origins, besides the server's own, whose pages the server trusts with the browser's credentials
/// (<c>Cors:AllowedOrigins</c>): CORS lets their scripts call the API with the session cookie and read the answers,
/// and their WebSockets keep the caller the cookie names (<see cref="Transport.WebSockets.TrustedOrigins"/>).
/// </summary>
public sealed class BrowserOrigins
{
    private readonly HashSet<string> _origins = new(StringComparer.Ordinal); // Normalized: lower case.

    /// <summary>The origins of <paramref name="settings"/> (validated: each one is an origin).</summary>
    public BrowserOrigins(CorsSettings settings)
    {
        foreach (var origin in settings.AllowedOrigins)
        {
            _origins.Add(TryNormalize(origin, out var normalized) ? normalized : throw new ArgumentException($"Not an origin: {origin}", nameof(settings)));
        }
    }

    /// <summary>True when no origin is listed: only the server's own pages get the browser's credentials.</summary>
    public bool IsEmpty => _origins.Count == 0;

    /// <summary>True when <paramref name="origin"/> (an Origin header's value) is one of the list.</summary>
    public bool Contains(string? origin) => TryNormalize(origin, out var normalized) && _origins.Contains(normalized);

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
