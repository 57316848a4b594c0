using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Authorization;

/// <summary>
/// What the contract tells about who may do what: <c>User.permissions</c>, <c>User.pages</c> and
/// <c>User.canViewPage</c> (what a frontend's page guard asks, so it needs no table of its own), and
/// <c>Query.roles</c>, every role with what it gives.
/// </summary>
public static class AuthorizationSchema
{
    public static void Bind(SchemaBuilder schema, AccessPolicy policy)
    {
        schema
            .BindType<Page>("Page")
            .BindType<RolePermissions>("RolePermissions")
            .Resolve("User.permissions", context => new(PermissionsOf(context, policy).Names()))
            .Resolve("User.pages", context => new(Pages.Open(PermissionsOf(context, policy))))
            .Resolve("User.canViewPage", context => new(Pages.MayOpen(PermissionsOf(context, policy), context.GetArgument<string>("href"))))
            .Resolve("Query.roles", _ => new(RoleNames.All.Select(role => new RolePermissions(role, policy.Table.Roles[role].Names())).ToArray()));
    }

    /// <summary>
    /// What the user may do; for the caller themself, what they may do in this request (a personal access token may
    /// withhold some of what their roles give).
    /// </summary>
    private static PermissionSet PermissionsOf(ResolveContext context, AccessPolicy policy)
    {
        var user = context.ParentAs<UserView>();
        return SignedInCaller.TryRead(context.Request.User, out var caller) && caller.UserId == user.Key
            ? policy.PermissionsOf(caller)
            : policy.PermissionsOf(user);
    }
}

/// <summary>The <c>RolePermissions</c> type: a role and the names of the permissions it gives.</summary>
public sealed record RolePermissions(Role Role, string[] Permissions);
