using Ipp.Graph.Accounts;
using Ipp.Graph.Accounts.Entities;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Administration.Errors;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Administration.Users;

/// <summary>
/// The administrative changes to a user: approve, deny, disable, enable, grant and revoke a role, end the session.
/// Each runs in one <see cref="AdministrationTransactions"/> transaction that reads the user, refuses what would
/// change nothing or leave no administrator (<see cref="LastAdministratorError"/>), changes the row, records the
/// action in the <see cref="AuditLog"/> and announces the user's new grants (<see cref="IGrantAnnouncements"/>: their
/// next request holds them, on every instance); what it ends (the session, or every credential of a denied or disabled
/// account: <see cref="UserCredentials"/>) is revoked on every instance once it committed.
/// </summary>
public sealed class UserAdministration(
    IDbContextFactory<IppDbContext> databases, AuditLog audit, IGrantAnnouncements announcements, UserCredentials credentials)
{
    public Task<UserView> ApproveAsync(AuditActor actor, long userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, AuditActions.ApproveUser, cancellationToken, user =>
            user.Approval == ApprovalState.Approved ? new AlreadyApprovedError() : Then(() => user.Approval = ApprovalState.Approved));

    /// <summary>Denies the account and ends its session, its personal access tokens and its reset links.</summary>
    public Task<UserView> DenyAsync(AuditActor actor, long userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, AuditActions.DenyUser, cancellationToken, user =>
            user.Approval == ApprovalState.Denied ? new AlreadyDeniedError() : Then(() => user.Approval = ApprovalState.Denied),
            endsSession: SessionEndReason.Denied, endsEveryCredential: true, losesAdministrator: true);

    /// <summary>Disables the account and ends its session, its personal access tokens and its reset links.</summary>
    public Task<UserView> DisableAsync(AuditActor actor, long userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, AuditActions.DisableUser, cancellationToken, user =>
            user.Disabled ? new AlreadyDisabledError() : Then(() => user.Disabled = true),
            endsSession: SessionEndReason.Disabled, endsEveryCredential: true, losesAdministrator: true);

    public Task<UserView> EnableAsync(AuditActor actor, long userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, AuditActions.EnableUser, cancellationToken, user =>
            !user.Disabled ? new NotDisabledError() : Then(() => user.Disabled = false));

    public Task<UserView> GrantRoleAsync(AuditActor actor, long userId, Role role, CancellationToken cancellationToken)
    {
        var name = RoleNames.NameOf(role);
        return ChangeAsync(actor, userId, AuditActions.GrantRole, cancellationToken, user =>
            user.Roles.Exists(held => held.Role == name) ? new RoleAlreadyHeldError(role) : Then(() => user.Roles.Add(new UserRole { UserId = user.Id, Role = name })),
            details: new Dictionary<string, string> { ["role"] = name });
    }

    public Task<UserView> RevokeRoleAsync(AuditActor actor, long userId, Role role, CancellationToken cancellationToken)
    {
        var name = RoleNames.NameOf(role);
        return ChangeAsync(actor, userId, AuditActions.RevokeRole, cancellationToken, user =>
            user.Roles.Find(held => held.Role == name) is not { } held ? new RoleNotHeldError(role) : Then(() => user.Roles.Remove(held)),
            details: new Dictionary<string, string> { ["role"] = name }, losesAdministrator: role == Role.Admin);
    }

    /// <summary>Ends the user's session (they may sign in again; their personal access tokens go on).</summary>
    public Task<UserView> EndSessionAsync(AuditActor actor, long userId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userId, AuditActions.EndUserSession, cancellationToken, user =>
            user.Session is null ? new NoSessionError() : Then(() => { }),
            endsSession: SessionEndReason.EndedByAdministrator, changesGrants: false);

    /// <summary>
    /// Reads the user with their roles and session, has <paramref name="decide"/> refuse (an error) or change them (an
    /// action), checks that an administrator remains when <paramref name="losesAdministrator"/>, then writes the
    /// change and its audit entry together.
    /// </summary>
    private async Task<UserView> ChangeAsync(
        AuditActor actor,
        long userId,
        string action,
        CancellationToken cancellationToken,
        Func<User, Decision> decide,
        IReadOnlyDictionary<string, string>? details = null,
        SessionEndReason? endsSession = null,
        bool endsEveryCredential = false,
        bool losesAdministrator = false,
        bool changesGrants = true)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AdministrationTransactions.BeginAsync(db, userId, cancellationToken);
        var user = await db.Users.Include(u => u.Roles).Include(u => u.Session).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new MutationException(new UserNotFoundError(Ipp.Graph.GraphQL.GlobalId.Encode("User", userId)));
        var decision = decide(user);
        if (decision.Refusal is { } refusal)
        {
            throw new MutationException(refusal);
        }

        if (losesAdministrator && IsActiveAdministrator(user) && await CountActiveAdministratorsAsync(db, cancellationToken) <= 1)
        {
            throw new MutationException(new LastAdministratorError());
        }

        decision.Apply!();
        var ended = endsSession is null ? null
            : endsEveryCredential ? await credentials.EndAsync(db, user.Id, keepSessionId: null, cancellationToken)
            : EndSession(db, user);

        UserGrants? grants = null;
        if (changesGrants)
        {
            user.GrantsVersion++;
            grants = new UserGrants(user.GrantsVersion, RoleNames.ParseAll(user.Roles.Select(role => role.Role)), user.Approval);
            await announcements.EnlistAsync(db, user.Id, grants, cancellationToken);
        }

        audit.Record(db, actor, action, AuditTarget.User(user.Id, user.Email), details);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (grants is not null)
        {
            announcements.Committed(user.Id, grants);
        }

        if (ended is not null)
        {
            await credentials.AnnounceAsync(ended, endsSession!.Value);
        }

        return new UserView(user.Id, user.Email, RoleNames.ParseAll(user.Roles.Select(role => role.Role)), new DateTimeOffset(user.CreatedAt), user.Approval, user.Disabled);
    }

    /// <summary>Removes the user's session (if any) from the change; what to announce as ended.</summary>
    private static EndedCredentials EndSession(IppDbContext db, User user)
    {
        if (user.Session is not { } session)
        {
            return new EndedCredentials([]);
        }

        db.Sessions.Remove(session);
        return new EndedCredentials([new EndedSession(session.Id, session.ExpiresAt)]);
    }

    private static bool IsActiveAdministrator(User user) =>
        user.Approval == ApprovalState.Approved && !user.Disabled && user.Roles.Exists(role => role.Role == RoleNames.Admin);

    private static Task<int> CountActiveAdministratorsAsync(IppDbContext db, CancellationToken cancellationToken) =>
        db.Users.CountAsync(
            user => user.Approval == ApprovalState.Approved && !user.Disabled && user.Roles.Any(role => role.Role == RoleNames.Admin),
            cancellationToken);

    private static Decision Then(Action apply) => new(null, apply);

    /// <summary>What a change decided: a refusal, or what to change.</summary>
    private sealed record Decision(MutationError? Refusal, Action? Apply)
    {
        public static implicit operator Decision(MutationError refusal) => new(refusal, null);
    }
}
