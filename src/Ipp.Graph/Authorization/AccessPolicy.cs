using System.Linq.Expressions;
using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Authorization;

/// <summary>
/// The one answer to "may this caller do this to this object": what a caller holds comes from the
/// <see cref="PermissionTable"/> (being signed in, and their roles), and a permission of <see cref="Reach.Own"/> reach
/// touches only the caller's own objects. Every field asks it through its <c>@authorize</c> rule
/// (<see cref="FieldAuthorization"/>), every feature asks it for the objects it finds (which experiments a caller may
/// read or change), and so does every endpoint outside GraphQL.
/// </summary>
public sealed class AccessPolicy(PermissionTable table)
{
    /// <summary>The table it decides by.</summary>
    public PermissionTable Table => table;

    /// <summary>
    /// What the user may do when signed in: what being signed in and their roles give once their account is approved
    /// and enabled; nothing while it is pending (<c>Accounts:RequireApproval</c>), denied or disabled.
    /// </summary>
    public PermissionSet PermissionsOf(UserView user) => Of(user.Roles, user.Approval, user.Disabled);

    /// <summary>
    /// What the caller may do: what their roles give (nothing while their account awaits approval; a caller's account
    /// is enabled, since disabling it ends its sessions and tokens), less what the personal access token they came
    /// with withholds: never <see cref="Permissions.SessionOnly"/>, and only <see cref="Permissions.Reading"/> when
    /// the token is read-only.
    /// </summary>
    public PermissionSet PermissionsOf(SignedInCaller caller)
    {
        var held = Of(caller.Roles, caller.Approval, disabled: false);
        if (caller.AccessToken is not { } token)
        {
            return held;
        }

        held = held.Except(Permissions.SessionOnly);
        return token.ReadOnly ? held.Intersect(Permissions.Reading) : held;
    }

    /// <summary>True when the caller holds <paramref name="permission"/>.</summary>
    public bool Holds(SignedInCaller caller, Permission permission) => PermissionsOf(caller).Contains(permission);

    /// <summary>
    /// Why a caller may not do what needs <paramref name="required"/> (nothing more than being signed in when empty;
    /// any one of them when <paramref name="anyOne"/>): <c>AUTH_NOT_AUTHENTICATED</c> without a caller,
    /// <c>AUTH_NOT_AUTHORIZED</c> naming what they lack; null when they may.
    /// </summary>
    public GraphQLError? Refusal(SignedInCaller? caller, PermissionSet required, bool anyOne = false)
    {
        if (caller is null)
        {
            return Callers.NotAuthenticated();
        }

        var missing = required.Except(PermissionsOf(caller));
        var roles = required.Except(table.Of(caller.Roles));
        return missing.IsEmpty || (anyOne && missing != required) ? null
            : caller.Approval != ApprovalState.Approved
                ? new GraphQLError("Not allowed: your account awaits an administrator's approval.", code: AuthorizationErrorCodes.AuthNotAuthorized)
            : NotAuthorized(missing, byToken: caller.AccessToken is not null && (roles.IsEmpty || (anyOne && roles != required)), anyOne);
    }

    /// <summary>True when the caller may do <paramref name="permission"/> to an object <paramref name="ownerId"/> owns.</summary>
    public bool Allows(SignedInCaller caller, Permission permission, long ownerId) =>
        Holds(caller, permission) && (Permissions.ReachOf(permission) == Reach.All || ownerId == caller.UserId);

    /// <summary>
    /// The objects the caller may do <paramref name="permission"/> to, as a condition a query filters by (so the
    /// database returns no other): none without the permission, all with one of <see cref="Reach.All"/>, else those
    /// whose owner (<paramref name="ownerOf"/>) is the caller.
    /// </summary>
    public Expression<Func<T, bool>> Reachable<T>(SignedInCaller caller, Permission permission, Expression<Func<T, long>> ownerOf)
    {
        Expression condition = !Holds(caller, permission) ? Expression.Constant(false)
            : Permissions.ReachOf(permission) == Reach.All ? Expression.Constant(true)
            : Expression.Equal(ownerOf.Body, Expression.Property(Expression.Constant(new Owner(caller.UserId)), nameof(Owner.UserId)));
        return Expression.Lambda<Func<T, bool>>(condition, ownerOf.Parameters);
    }

    private PermissionSet Of(IReadOnlyList<Role> roles, ApprovalState approval, bool disabled) =>
        approval == ApprovalState.Approved && !disabled ? table.Of(roles) : PermissionSet.Empty;

    /// <summary>
    /// The refusal of a signed-in caller who lacks <paramref name="missing"/>: <paramref name="byToken"/> when their
    /// roles give it but the personal access token they came with withholds it.
    /// </summary>
    private static GraphQLError NotAuthorized(PermissionSet missing, bool byToken, bool anyOne)
    {
        var names = missing.Names();
        var needs = names.Length == 1 ? $"the permission {names[0]}" : $"{(anyOne ? "one of " : "")}the permissions {string.Join(", ", names)}";
        var withheld = byToken ? "which this personal access token does not give (sign in for it)" : "which your roles do not give";
        return new GraphQLError($"Not allowed: this needs {needs}, {withheld}.", code: AuthorizationErrorCodes.AuthNotAuthorized);
    }

    /// <summary>The caller's id as a query parameter (a constant would be compiled into each query's SQL and plan).</summary>
    private sealed record Owner(long UserId);
}
