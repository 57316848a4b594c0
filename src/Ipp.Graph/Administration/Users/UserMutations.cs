using Ipp.Graph.Accounts;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Administration.Errors;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Administration.Users;

/// <summary>
/// The administration's mutations (<see cref="UserAdministration"/> does each): <c>approveUser</c>, <c>denyUser</c>,
/// <c>disableUser</c>, <c>enableUser</c> and <c>endUserSession</c> need <c>users:manage</c>; <c>grantRole</c> and
/// <c>revokeRole</c> need <c>roles:manage</c> (the contract's <c>@authorize</c> says so, checked before they run).
/// </summary>
public static class UserMutations
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindInput<UserIdInput>("ApproveUserInput")
            .BindInput<UserIdInput>("DenyUserInput")
            .BindInput<UserIdInput>("DisableUserInput")
            .BindInput<UserIdInput>("EnableUserInput")
            .BindInput<UserIdInput>("EndUserSessionInput")
            .BindInput<UserRoleInput>("GrantRoleInput")
            .BindInput<UserRoleInput>("RevokeRoleInput")
            .BindType<ApproveUserPayload>("ApproveUserPayload")
            .BindType<DenyUserPayload>("DenyUserPayload")
            .BindType<DisableUserPayload>("DisableUserPayload")
            .BindType<EnableUserPayload>("EnableUserPayload")
            .BindType<EndUserSessionPayload>("EndUserSessionPayload")
            .BindType<GrantRolePayload>("GrantRolePayload")
            .BindType<RevokeRolePayload>("RevokeRolePayload")
            .BindType<UserNotFoundError>("UserNotFoundError")
            .BindType<AlreadyApprovedError>("AlreadyApprovedError")
            .BindType<AlreadyDeniedError>("AlreadyDeniedError")
            .BindType<AlreadyDisabledError>("AlreadyDisabledError")
            .BindType<NotDisabledError>("NotDisabledError")
            .BindType<NoSessionError>("NoSessionError")
            .BindType<LastAdministratorError>("LastAdministratorError")
            .BindType<RoleAlreadyHeldError>("RoleAlreadyHeldError")
            .BindType<RoleNotHeldError>("RoleNotHeldError")
            .ResolveMutation("approveUser", context => ChangeAsync<ApproveUserPayload>(context, (admin, actor, id) => admin.ApproveAsync(actor, id, context.CancellationToken)))
            .ResolveMutation("denyUser", context => ChangeAsync<DenyUserPayload>(context, (admin, actor, id) => admin.DenyAsync(actor, id, context.CancellationToken)))
            .ResolveMutation("disableUser", context => ChangeAsync<DisableUserPayload>(context, (admin, actor, id) => admin.DisableAsync(actor, id, context.CancellationToken)))
            .ResolveMutation("enableUser", context => ChangeAsync<EnableUserPayload>(context, (admin, actor, id) => admin.EnableAsync(actor, id, context.CancellationToken)))
            .ResolveMutation("endUserSession", context => ChangeAsync<EndUserSessionPayload>(context, (admin, actor, id) => admin.EndSessionAsync(actor, id, context.CancellationToken)))
            .ResolveMutation("grantRole", context => ChangeRoleAsync<GrantRolePayload>(context, (admin, actor, id, role) => admin.GrantRoleAsync(actor, id, role, context.CancellationToken)))
            .ResolveMutation("revokeRole", context => ChangeRoleAsync<RevokeRolePayload>(context, (admin, actor, id, role) => admin.RevokeRoleAsync(actor, id, role, context.CancellationToken)));
    }

    private static async Task<TPayload> ChangeAsync<TPayload>(ResolveContext context, Func<UserAdministration, AuditActor, long, Task<UserView>> change)
        where TPayload : UserPayload, new()
    {
        var input = context.Input<UserIdInput>();
        var user = await change(context.Service<UserAdministration>(), AuditActor.Of(context.RequireCaller()), UserKey(input.Id));
        return new TPayload { User = user };
    }

    private static async Task<TPayload> ChangeRoleAsync<TPayload>(ResolveContext context, Func<UserAdministration, AuditActor, long, Role, Task<UserView>> change)
        where TPayload : UserPayload, new()
    {
        var input = context.Input<UserRoleInput>();
        var user = await change(context.Service<UserAdministration>(), AuditActor.Of(context.RequireCaller()), UserKey(input.UserId), input.Role);
        return new TPayload { User = user };
    }

    /// <summary>The key of a user's global id; <see cref="UserNotFoundError"/> for a text that is none.</summary>
    private static long UserKey(string id) =>
        GlobalId.TryDecode(id, "User", out var key) ? key : throw new MutationException(new UserNotFoundError(id));
}

/// <summary>The input of the mutations that name a user (<c>ApproveUserInput</c>, ...).</summary>
public sealed record UserIdInput(string Id);

/// <summary>The input of <c>grantRole</c> and <c>revokeRole</c>.</summary>
public sealed record UserRoleInput(string UserId, Role Role);

/// <summary>What each administration mutation answers: the user as the change left them.</summary>
public abstract class UserPayload : MutationPayload
{
    public UserView? User { get; init; }
}

public sealed class ApproveUserPayload : UserPayload;

public sealed class DenyUserPayload : UserPayload;

public sealed class DisableUserPayload : UserPayload;

public sealed class EnableUserPayload : UserPayload;

public sealed class EndUserSessionPayload : UserPayload;

public sealed class GrantRolePayload : UserPayload;

public sealed class RevokeRolePayload : UserPayload;
