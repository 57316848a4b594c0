using Ipp.Graph.Accounts.AccessTokens;
using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Accounts.Errors;
using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Accounts.Profile;
using Ipp.Graph.Administration.Approval;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Accounts and their sessions: creating users, signing in (which replaces the user's session), signing out, and
/// finding the caller a token belongs to (<see cref="RememberedCallers"/>, so requests of a signed-in client do not
/// each query the database). Each end of a session goes through <see cref="ISessionRevocations"/>, so it holds on
/// every instance. Each operation uses its own short-lived database context.
/// </summary>
public sealed class AccountService
{
    private static readonly Func<IppDbContext, byte[], CancellationToken, Task<SessionRow?>> FindSessionByTokenHash =
        EF.CompileAsyncQuery((IppDbContext db, byte[] tokenHash, CancellationToken cancellationToken) =>
            db.Sessions
                .Where(session => session.TokenHash == tokenHash)
                .Select(session => new SessionRow(
                    session.Id,
                    session.ExpiresAt,
                    session.UserId,
                    session.User.Email,
                    session.User.CreatedAt,
                    session.User.Roles.Select(role => role.Role).ToList(),
                    session.User.Approval,
                    session.User.GrantsVersion))
                .FirstOrDefault());

    private readonly IDbContextFactory<IppDbContext> _contexts;
    private readonly PasswordHasher _hasher;
    private readonly SessionEndings _endings;
    private readonly ISessionRevocations _revocations;
    private readonly RememberedCallers _callers;
    private readonly AccessTokenService _accessTokens;
    private readonly CallerGrants _grants;
    private readonly IAccountApprovalRequests _approvalRequests;
    private readonly TimeProvider _clock;
    private readonly AccountsOptions _options;

    public AccountService(
        IDbContextFactory<IppDbContext> contexts,
        PasswordHasher hasher,
        SessionEndings endings,
        ISessionRevocations revocations,
        RememberedCallers callers,
        AccessTokenService accessTokens,
        CallerGrants grants,
        IAccountApprovalRequests approvalRequests,
        TimeProvider clock,
        IOptions<AccountsOptions> options)
    {
        _contexts = contexts;
        _hasher = hasher;
        _endings = endings;
        _revocations = revocations;
        _callers = callers;
        _accessTokens = accessTokens;
        _grants = grants;
        _approvalRequests = approvalRequests;
        _clock = clock;
        _options = options.Value;
    }

    /// <summary>The settings accounts run with.</summary>
    public AccountsOptions Options => _options;

    /// <summary>Creates an account, with its profile when one is given, and its first session.</summary>
    /// <exception cref="MutationException">
    /// <see cref="InvalidEmailError"/>, <see cref="InvalidPasswordError"/>, <see cref="InvalidProfileError"/> or <see cref="EmailTakenError"/>.
    /// </exception>
    public async Task<NewSession> CreateUserAsync(string email, string password, ProfileInput? profileInput, CancellationToken cancellationToken)
    {
        var address = EmailAddress.Parse(email);
        PasswordRules.CheckNew(password, _options.MinPasswordLength);
        var profile = profileInput is null ? null : ProfileRules.Check(profileInput);

        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            // Spares the hashing when the answer is known; the unique index decides under a race.
            if (await db.Users.AnyAsync(user => user.NormalizedEmail == address.Normalized, cancellationToken))
            {
                throw new MutationException(new EmailTakenError());
            }
        }

        var hash = await _hasher.HashAsync(password, cancellationToken);
        var now = new DateTimeOffset(_clock.UtcNowToMillisecond());
        var (token, tokenHash) = SessionToken.Create();
        var user = new User
        {
            Email = address.Written,
            NormalizedEmail = address.Normalized,
            PasswordHash = hash,
            // No role: running experiments needs none; roles are granted (UsersCommand) for what else a user does.
            CreatedAt = now.UtcDateTime,
            Approval = _options.RequireApproval ? ApprovalState.Pending : ApprovalState.Approved,
        };
        user.Session = new Session { TokenHash = tokenHash, IssuedAt = now.UtcDateTime, ExpiresAt = (now + _options.TokenLifetime).UtcDateTime };

        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Users.Add(user);
            if (profile is not null)
            {
                profile.User = user;
                db.Add(profile);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
            {
                throw new MutationException(new EmailTakenError());
            }
        }

        var caller = new SignedInCaller(
            user.Id, user.Email, RoleNames.ParseAll(user.Roles.Select(role => role.Role)), now, user.Session.Id, now + _options.TokenLifetime, user.Approval, user.GrantsVersion);
        if (user.Approval == ApprovalState.Pending)
        {
            await _approvalRequests.AccountPendingAsync(caller.User, CancellationToken.None);
        }

        return new NewSession(token, caller.SessionExpiresAt, caller.User);
    }

    /// <summary>Signs in: checks the password and starts the user's session, ending the one they had.</summary>
    /// <exception cref="MutationException">
    /// <see cref="InvalidCredentialsError"/>, the same for an unknown email as for a wrong password; once the password
    /// checked out, <see cref="AccountDeniedError"/> or <see cref="AccountDisabledError"/> (so the state of an account
    /// is told only to whoever knows its password). A pending account signs in.
    /// </exception>
    public async Task<NewSession> AuthenticateAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        UserRow? user;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            user = await db.Users
                .Where(candidate => candidate.NormalizedEmail == normalized)
                .Select(candidate => new UserRow(candidate.Id, candidate.Email, candidate.PasswordHash, candidate.CreatedAt))
                .FirstOrDefaultAsync(cancellationToken);
        }

        // Every failure costs one bcrypt verification of the same cost, so the time taken does not tell them apart.
        var verified = user is not null && PasswordRules.CanMatch(password)
            ? await _hasher.VerifyAsync(password, user.PasswordHash, cancellationToken)
            : await _hasher.VerifyDummyAsync(cancellationToken);
        if (!verified)
        {
            throw new MutationException(new InvalidCredentialsError());
        }

        var newHash = _hasher.NeedsRehash(user!.PasswordHash) ? await _hasher.HashAsync(password, cancellationToken) : null;
        return await StartSessionAsync(user, newHash, cancellationToken);
    }

    /// <summary>Ends a session; false when it had already ended.</summary>
    public async Task<bool> LogoutAsync(SignedInCaller caller, CancellationToken cancellationToken)
    {
        int deleted;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            deleted = await db.Sessions.Where(session => session.Id == caller.SessionId).ExecuteDeleteAsync(cancellationToken);
        }

        if (deleted > 0)
        {
            await _revocations.RevokeAsync(caller.SessionId, caller.SessionExpiresAt, SessionEndReason.LoggedOut, CancellationToken.None);
        }

        return deleted > 0;
    }

    /// <summary>
    /// Removes a session that reached its expiry and tells its subscribers; for a personal access token's
    /// credential id, only tells them (the token's row stays until its user makes a new token).
    /// </summary>
    public async Task ExpireAsync(long sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (!AccessTokenGrant.IsAccessToken(sessionId))
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            await db.Sessions.Where(session => session.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        }

        await _revocations.RevokeAsync(sessionId, expiresAt, SessionEndReason.Expired, CancellationToken.None);
    }

    /// <summary>
    /// The caller a token belongs to (a session's, or a personal access token's: <see cref="AccessTokenService"/>);
    /// null when the token is malformed, unknown, revoked or expired.
    /// </summary>
    public async ValueTask<SignedInCaller?> FindCallerAsync(string? token, CancellationToken cancellationToken)
    {
        if (AccessTokenText.IsOne(token))
        {
            return await _accessTokens.FindCallerAsync(token!, cancellationToken) is { } tokenCaller ? _grants.Current(tokenCaller) : null;
        }

        if (SessionToken.TryHash(token) is not { } tokenHash)
        {
            return null;
        }

        // Every end of a session reaches SessionEndings (ISessionRevocations), so a remembered caller is as good as the row while IsLive holds.
        var key = Convert.ToBase64String(tokenHash);
        if (_callers.TryGet(key, out var remembered) && remembered is not null)
        {
            if (IsLive(remembered))
            {
                // Holding the grants announced since it was remembered (a role granted, an approval): every
                // request authenticated here, GraphQL's or an endpoint's, sees them.
                var current = _grants.Current(remembered);
                if (!ReferenceEquals(current, remembered))
                {
                    _callers.Remember(key, current);
                }

                return current;
            }

            _callers.Forget(key);
        }

        SessionRow? row;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            row = await FindSessionByTokenHash(db, tokenHash, cancellationToken);
        }

        if (row is null)
        {
            return null;
        }

        var expiresAt = new DateTimeOffset(row.ExpiresAt);
        if (_clock.GetUtcNow() >= expiresAt)
        {
            await ExpireAsync(row.SessionId, expiresAt, cancellationToken);
            return null;
        }

        var caller = _grants.Current(new SignedInCaller(
            row.UserId, row.Email, RoleNames.ParseAll(row.Roles), new DateTimeOffset(row.CreatedAt), row.SessionId, expiresAt, row.Approval, row.GrantsVersion));
        _callers.Remember(key, caller);
        return caller;
    }

    /// <summary>True while the caller's session has neither ended nor expired (for principals authenticated earlier).</summary>
    public bool IsLive(SignedInCaller caller) => _endings.IsLive(caller);

    /// <summary>The caller holding the grants (roles, approval) announced since it was read (<see cref="CallerGrants"/>).</summary>
    public SignedInCaller Current(SignedInCaller caller) => _grants.Current(caller);

    /// <summary>
    /// Replaces the user's session (if any) with a new one, as one of the user's writers (<see cref="UserTransactions"/>):
    /// of two sign-ins of one user at once, the second replaces the first's session.
    /// </summary>
    private async Task<NewSession> StartSessionAsync(UserRow user, string? newHash, CancellationToken cancellationToken)
    {
        var now = new DateTimeOffset(_clock.UtcNowToMillisecond());
        var (token, tokenHash) = SessionToken.Create();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, user.Id, cancellationToken);
        var previous = await db.Sessions
            .Where(session => session.UserId == user.Id)
            .Select(session => new { session.Id, session.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            await db.Sessions.Where(session => session.Id == previous.Id).ExecuteDeleteAsync(cancellationToken);
        }

        if (newHash is not null)
        {
            await db.Users.Where(row => row.Id == user.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.PasswordHash, newHash), cancellationToken);
        }

        // Read under the user's lock: an administrator denying or disabling the account at the same moment either
        // comes first (refused here) or ends the session this makes.
        var state = await db.Users.Where(row => row.Id == user.Id)
            .Select(row => new { row.Approval, row.Disabled, row.GrantsVersion }).FirstAsync(cancellationToken);
        if (state.Approval == ApprovalState.Denied)
        {
            throw new MutationException(new AccountDeniedError());
        }

        if (state.Disabled)
        {
            throw new MutationException(new AccountDisabledError());
        }

        // Read at each sign-in: a role granted or revoked since (UsersCommand) holds from this session on.
        var roles = await db.UserRoles.Where(role => role.UserId == user.Id).Select(role => role.Role).ToListAsync(cancellationToken);
        var session = new Session
        {
            UserId = user.Id,
            TokenHash = tokenHash,
            IssuedAt = now.UtcDateTime,
            ExpiresAt = (now + _options.TokenLifetime).UtcDateTime,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (previous is not null)
        {
            var previousExpiry = new DateTimeOffset(previous.ExpiresAt);
            await _revocations.RevokeAsync(previous.Id, previousExpiry, previousExpiry <= now ? SessionEndReason.Expired : SessionEndReason.Replaced, CancellationToken.None);
        }

        var caller = new SignedInCaller(
            user.Id, user.Email, RoleNames.ParseAll(roles), new DateTimeOffset(user.CreatedAt), session.Id, now + _options.TokenLifetime, state.Approval, state.GrantsVersion);
        return new NewSession(token, caller.SessionExpiresAt, caller.User);
    }

    private sealed record UserRow(long Id, string Email, string PasswordHash, DateTime CreatedAt);

    private sealed record SessionRow(
        long SessionId, DateTime ExpiresAt, long UserId, string Email, DateTime CreatedAt, List<string> Roles, ApprovalState Approval, long GrantsVersion);
}
