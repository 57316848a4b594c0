using System.Security.Claims;

namespace Ipp.Graph.Accounts;

/// <summary>
/// When the session a caller signed in with ends (signed out, replaced by a new sign-in, or expired), so the
/// transports end what it opened: the sockets it authenticated and the streams it started. The accounts feature
/// implements it; sessions are tracked in this process today, and this is the one seam a shared store would replace.
/// </summary>
public interface ISessionLifetimes
{
    /// <summary>
    /// A task that completes when the caller's session ends (at once when it already has); null for a caller without
    /// a session (anonymous). A task that fails means the end could not be watched: it counts as ended.
    /// </summary>
    Task? WhenEnded(ClaimsPrincipal caller);
}
