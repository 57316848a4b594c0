using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The cookie that carries the token for browsers: HttpOnly (scripts cannot read it), SameSite=Strict (other
/// sites cannot make the browser send it), Secure over HTTPS, for the whole site, expiring with the token.
/// Only plain HTTP responses have cookies; over WebSocket and SSE nothing is set.
/// </summary>
internal static class SessionCookie
{
    public static void Set(ServerRequestContext request, string name, string token, DateTimeOffset expiresAt) =>
        request.ResponseCookies?.Append(name, token, Options(request, expiresAt));

    public static void Clear(ServerRequestContext request, string name) =>
        request.ResponseCookies?.Delete(name, Options(request, expires: null));

    private static CookieOptions Options(ServerRequestContext request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        Expires = expires,
    };
}
