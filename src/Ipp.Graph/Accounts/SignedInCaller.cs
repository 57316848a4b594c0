using System.Globalization;
using System.Security.Claims;
using Ipp.Graph.Accounts.AccessTokens;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The caller of a request whose token named a live session: the user and the session, as claims of a
/// <see cref="ClaimsPrincipal"/> (the user's id as NameIdentifier, Email, one Role claim per role, and the
/// session's id as <c>sid</c>), so transports can carry it like any principal. A caller who came with a personal
/// access token has its <see cref="AccessTokenGrant.CredentialId"/> as <see cref="SessionId"/>, the token's expiry as
/// <see cref="SessionExpiresAt"/>, and the token as <see cref="AccessToken"/>. <see cref="Approval"/> and
/// <see cref="GrantsVersion"/> say what the user held when the caller was read; a change announced since
/// (<see cref="CallerGrants"/>) replaces them on the caller's next request.
/// </summary>
public sealed record SignedInCaller(
    long UserId, string Email, IReadOnlyList<Role> Roles, DateTimeOffset CreatedAt, long SessionId, DateTimeOffset SessionExpiresAt,
    ApprovalState Approval, long GrantsVersion)
{
    /// <summary>The authentication type of the principals made here.</summary>
    public const string AuthenticationType = "SessionToken";

    /// <summary>The claim holding the session's id.</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>The claim holding the account's creation time (ISO 8601).</summary>
    public const string CreatedAtClaim = "created_at";

    /// <summary>The claim holding the time the session's token stops working (ISO 8601).</summary>
    public const string SessionExpiresAtClaim = "session_expires_at";

    /// <summary>The claim naming the personal access token the caller came with: its id, then <c>:read-only</c> or <c>:full</c>.</summary>
    public const string AccessTokenClaim = "access_token";

    /// <summary>The claim holding the account's approval state (<c>APPROVED</c>).</summary>
    public const string ApprovalClaim = "approval";

    /// <summary>The claim holding <see cref="GrantsVersion"/>.</summary>
    public const string GrantsVersionClaim = "grants_version";

    /// <summary>The personal access token the caller came with; null for the interactive session.</summary>
    public AccessTokenGrant? AccessToken { get; init; }

    /// <summary>The user as the API shows it, made once for every request the caller makes (a signed-in user is never disabled).</summary>
    public UserView User { get; } = new(UserId, Email, Roles, CreatedAt, Approval, Disabled: false);

    /// <summary>This caller holding <paramref name="grants"/> instead (a new record: <see cref="User"/> is made again).</summary>
    public SignedInCaller With(UserGrants grants) =>
        new(UserId, Email, grants.Roles, CreatedAt, SessionId, SessionExpiresAt, grants.Approval, grants.Version) { AccessToken = AccessToken };

    /// <summary>The principal carrying this caller.</summary>
    public ClaimsPrincipal ToPrincipal() => new CallerPrincipal(this, new CallerIdentity(this));

    // Keeps the caller it was made from, so resolvers asking for it (once per field) need not parse the claims back.
    private sealed class CallerPrincipal(SignedInCaller caller, ClaimsIdentity identity) : ClaimsPrincipal(identity)
    {
        public SignedInCaller Caller { get; } = caller;
    }

    /// <summary>
    /// The caller's claims, made when something reads them: the server's own code reads the caller, so most requests
    /// never do, and five or more claims (two of them formatted dates) per request were a measurable share of a
    /// small query's time. Every ClaimsIdentity lookup (FindFirst, FindAll, HasClaim, Name) goes through Claims.
    /// </summary>
    private sealed class CallerIdentity(SignedInCaller caller) : ClaimsIdentity(SignedInCaller.AuthenticationType)
    {
        private List<Claim>? _claims;

        public override IEnumerable<Claim> Claims => LazyInitializer.EnsureInitialized(ref _claims, MakeClaims).Concat(base.Claims);

        // ClaimsIdentity's own copy takes the claims added to it only; a copy of this one makes its claims again.
        public override ClaimsIdentity Clone()
        {
            var copy = new CallerIdentity(caller);
            copy.AddClaims(base.Claims);
            return copy;
        }

        private List<Claim> MakeClaims()
        {
            var claims = new List<Claim>(8 + caller.Roles.Count)
            {
                Claim(ClaimTypes.NameIdentifier, caller.UserId.ToString(CultureInfo.InvariantCulture)),
                Claim(ClaimTypes.Email, caller.Email),
                Claim(SessionIdClaim, caller.SessionId.ToString(CultureInfo.InvariantCulture)),
                Claim(CreatedAtClaim, caller.CreatedAt.ToString("O", CultureInfo.InvariantCulture)),
                Claim(SessionExpiresAtClaim, caller.SessionExpiresAt.ToString("O", CultureInfo.InvariantCulture)),
                Claim(ApprovalClaim, ApprovalStates.NameOf(caller.Approval)),
                Claim(GrantsVersionClaim, caller.GrantsVersion.ToString(CultureInfo.InvariantCulture)),
            };
            foreach (var role in caller.Roles)
            {
                claims.Add(Claim(ClaimTypes.Role, RoleNames.NameOf(role)));
            }

            if (caller.AccessToken is { } token)
            {
                claims.Add(Claim(AccessTokenClaim, token.TokenId.ToString(CultureInfo.InvariantCulture) + (token.ReadOnly ? ReadOnlySuffix : FullSuffix)));
            }

            return claims;
        }

        private Claim Claim(string type, string value) => new(type, value, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, this);
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
            || !DateTimeOffset.TryParse(principal.FindFirstValue(SessionExpiresAtClaim), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            || principal.FindFirstValue(ApprovalClaim) is not { } approval
            || !long.TryParse(principal.FindFirstValue(GrantsVersionClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var grantsVersion))
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

        if (!TryReadAccessToken(principal, out var accessToken))
        {
            return false;
        }

        caller = new SignedInCaller(userId, email, roles, createdAt, sessionId, expiresAt, ApprovalStates.Parse(approval), grantsVersion) { AccessToken = accessToken };
        return true;
    }

    private const string ReadOnlySuffix = ":read-only";

    private const string FullSuffix = ":full";

    /// <summary>The token of the <see cref="AccessTokenClaim"/> (null without one); false when the claim is malformed.</summary>
    private static bool TryReadAccessToken(ClaimsPrincipal principal, out AccessTokenGrant? token)
    {
        token = null;
        if (principal.FindFirstValue(AccessTokenClaim) is not { } value)
        {
            return true;
        }

        var separator = value.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0
            || !long.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId)
            || value[separator..] is not (ReadOnlySuffix or FullSuffix))
        {
            return false;
        }

        var readOnly = value[separator..] == ReadOnlySuffix;
        token = new AccessTokenGrant(tokenId, readOnly);
        return true;
    }
}
