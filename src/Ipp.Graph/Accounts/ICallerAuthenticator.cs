using System.Security.Claims;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Turns a session token into the caller it belongs to. Transports use it where HTTP authentication does not
/// reach (a WebSocket's <c>connection_init</c> payload); the accounts feature implements it.
/// </summary>
public interface ICallerAuthenticator
{
    /// <summary>The caller; an unauthenticated principal when the token is missing, unknown or expired.</summary>
    ValueTask<ClaimsPrincipal> AuthenticateAsync(string? token, CancellationToken cancellationToken);
}
