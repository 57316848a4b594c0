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

    /// <summary>True when the caller holds <paramref name="permission"/>.</summary>
    public bool Holds(SignedInCaller caller, Permission permission) => Held(caller).Contains(permission);

    /// <summary>
    /// Why a caller may not do what needs <paramref name="required"/> (nothing more than being signed in when empty):
    /// <c>AUTH_NOT_AUTHENTICATED</c> without a caller, <c>AUTH_NOT_AUTHORIZED</c> naming what they lack; null when
    /// they may.
    /// </summary>
    public GraphQLError? Refusal(SignedInCaller? caller, PermissionSet required)
    {
        if (caller is null)
        {
            return Callers.NotAuthenticated();
        }

        var missing = required.Except(Held(caller));
        return missing.IsEmpty ? null
            : caller.Approval == ApprovalState.Approved ? NotAuthorized(missing)
            : new GraphQLError("Not allowed: your account awaits an administrator's approval.", code: AuthorizationErrorCodes.AuthNotAuthorized);
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

    /// <summary>What a signed-in caller holds (a caller's account is enabled: disabling it ends its session).</summary>
    private PermissionSet Held(SignedInCaller caller) => Of(caller.Roles, caller.Approval, disabled: false);

    private PermissionSet Of(IReadOnlyList<Role> roles, ApprovalState approval, bool disabled) =>
        approval == ApprovalState.Approved && !disabled ? table.Of(roles) : PermissionSet.Empty;

    /// <summary>The refusal of a signed-in caller who lacks <paramref name="missing"/>.</summary>
    private static GraphQLError NotAuthorized(PermissionSet missing)
    {
        var names = missing.Names();
        var needs = names.Length == 1 ? $"the permission {names[0]}" : $"the permissions {string.Join(", ", names)}";
        return new GraphQLError($"Not allowed: this needs {needs}, which your roles do not give.", code: AuthorizationErrorCodes.AuthNotAuthorized);
    }

    /// <summary>The caller's id as a query parameter (a constant would be compiled into each query's SQL and plan).</summary>
    private sealed record Owner(long UserId);
}
