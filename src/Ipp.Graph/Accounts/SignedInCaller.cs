using System.Globalization;
using System.Security.Claims;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The caller of a request whose token named a live session: the user and the session, as claims of a
/// <see cref="ClaimsPrincipal"/> (the user's id as NameIdentifier, Email, one Role claim per role, and the
/// session's id as <c>sid</c>), so transports can carry it like any principal.
/// </summary>
public sealed record SignedInCaller(long UserId, string Email, IReadOnlyList<Role> Roles, DateTimeOffset CreatedAt, long SessionId, DateTimeOffset SessionExpiresAt)
{
    /// <summary>The authentication type of the principals made here.</summary>
    public const string AuthenticationType = "SessionToken";

    /// <summary>The claim holding the session's id.</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>The claim holding the account's creation time (ISO 8601).</summary>
    public const string CreatedAtClaim = "created_at";

    /// <summary>The claim holding the time the session's token stops working (ISO 8601).</summary>
    public const string SessionExpiresAtClaim = "session_expires_at";

    /// <summary>The user as the API shows it.</summary>
    public UserView User => new(UserId, Email, Roles, CreatedAt);

    /// <summary>The principal carrying this caller.</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>(5 + Roles.Count)
        {
            new(ClaimTypes.NameIdentifier, UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, Email),
            new(SessionIdClaim, SessionId.ToString(CultureInfo.InvariantCulture)),
            new(CreatedAtClaim, CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
            new(SessionExpiresAtClaim, SessionExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
        };
        foreach (var role in Roles)
        {
            claims.Add(new Claim(ClaimTypes.Role, RoleNames.NameOf(role)));
        }

        return new CallerPrincipal(this, new ClaimsIdentity(claims, AuthenticationType));
    }

    // Keeps the caller it was made from, so resolvers asking for it (once per field) need not parse the claims back.
    private sealed class CallerPrincipal(SignedInCaller caller, ClaimsIdentity identity) : ClaimsPrincipal(identity)
    {
        public SignedInCaller Caller { get; } = caller;
    }

    /// <summary>The caller a principal made by <see cref="ToPrincipal"/> carries; false for anyone else.</summary>
    public static bool TryRead(ClaimsPrincipal principal, out SignedInCaller caller)
    {
        if (principal is CallerPrincipal known)
        {
            caller = known.Caller;
            return true;
        }

        caller = null!;
        if (principal.Identity is not { IsAuthenticated: true }
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            || !long.TryParse(principal.FindFirstValue(SessionIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId)
            || principal.FindFirstValue(ClaimTypes.Email) is not { } email
            || !DateTimeOffset.TryParse(principal.FindFirstValue(CreatedAtClaim), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var createdAt)
            || !DateTimeOffset.TryParse(principal.FindFirstValue(SessionExpiresAtClaim), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt))
        {
            return false;
        }

        var roles = new List<Role>(2);
        foreach (var claim in principal.FindAll(ClaimTypes.Role))
        {
            if (RoleNames.TryParse(claim.Value, out var role))
            {
                roles.Add(role);
            }
        }

        caller = new SignedInCaller(userId, email, roles, createdAt, sessionId, expiresAt);
        return true;
    }
}
