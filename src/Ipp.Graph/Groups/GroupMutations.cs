using Ipp.Graph.Accounts;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups.Errors;

namespace Ipp.Graph.Groups;

/// <summary>
/// <c>createGroup</c>, <c>renameGroup</c>, <c>deleteGroup</c>, <c>addGroupMembers</c> and <c>removeGroupMembers</c>
/// (each needs <c>groups:manage</c>, which the contract's rule checks): each is one transaction of the
/// <see cref="GroupService"/>, which records it in the audit log with the caller as the actor.
/// </summary>
public static class GroupMutations
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindInput<CreateGroupInput>("CreateGroupInput")
            .BindInput<RenameGroupInput>("RenameGroupInput")
            .BindInput<DeleteGroupInput>("DeleteGroupInput")
            .BindInput<GroupMembersInput>("AddGroupMembersInput")
            .BindInput<GroupMembersInput>("RemoveGroupMembersInput")
            .BindType<GroupPayload>("CreateGroupPayload")
            .BindType<GroupPayload>("RenameGroupPayload")
            .BindType<DeleteGroupPayload>("DeleteGroupPayload")
            .BindType<GroupPayload>("AddGroupMembersPayload")
            .BindType<GroupPayload>("RemoveGroupMembersPayload")
            .BindType<GroupNotFoundError>("GroupNotFoundError")
            .BindType<GroupNameTakenError>("GroupNameTakenError")
            .BindType<InvalidGroupNameError>("InvalidGroupNameError")
            .BindType<GroupUserNotFoundError>("GroupUserNotFoundError")
            .BindType<AlreadyGroupMemberError>("AlreadyGroupMemberError")
            .BindType<NotGroupMemberError>("NotGroupMemberError")
            .BindType<InvalidGroupUsersError>("InvalidGroupUsersError")
            .ResolveMutation("createGroup", async context =>
                Payload(await Groups(context).CreateAsync(Actor(context), context.Input<CreateGroupInput>().Name, context.CancellationToken)))
            .ResolveMutation("renameGroup", async context =>
            {
                var input = context.Input<RenameGroupInput>();
                return Payload(await Groups(context).RenameAsync(Actor(context), input.Id, input.Name, context.CancellationToken));
            })
            .ResolveMutation("deleteGroup", async context =>
                new DeleteGroupPayload { DeletedId = (await Groups(context).DeleteAsync(Actor(context), context.Input<DeleteGroupInput>().Id, context.CancellationToken)).Id })
            .ResolveMutation("addGroupMembers", async context =>
            {
                var input = context.Input<GroupMembersInput>();
                return Payload(await Groups(context).AddMembersAsync(Actor(context), input.Id, input.UserIds, context.CancellationToken));
            })
            .ResolveMutation("removeGroupMembers", async context =>
            {
                var input = context.Input<GroupMembersInput>();
                return Payload(await Groups(context).RemoveMembersAsync(Actor(context), input.Id, input.UserIds, context.CancellationToken));
            });

    private static GroupPayload Payload(GroupView group) => new() { Group = group };

    private static AuditActor Actor(ResolveContext context) => AuditActor.Of(context.RequireCaller());

    private static GroupService Groups(ResolveContext context) => context.Service<GroupService>();
}

/// <summary>The <c>CreateGroupInput</c> input type.</summary>
public sealed record CreateGroupInput(string Name);

/// <summary>The <c>RenameGroupInput</c> input type.</summary>
public sealed record RenameGroupInput(string Id, string Name);

/// <summary>The <c>DeleteGroupInput</c> input type.</summary>
public sealed record DeleteGroupInput(string Id);

/// <summary>The <c>AddGroupMembersInput</c> and <c>RemoveGroupMembersInput</c> input types.</summary>
public sealed record GroupMembersInput(string Id, string[] UserIds);

/// <summary>What the mutations answering a group answer (their payload types).</summary>
public sealed class GroupPayload : MutationPayload
{
    /// <summary>The group after the change.</summary>
    public GroupView? Group { get; init; }
}

/// <summary>What <c>deleteGroup</c> answers (the <c>DeleteGroupPayload</c> type).</summary>
public sealed class DeleteGroupPayload : MutationPayload
{
    /// <summary>The global id of the deleted group.</summary>
    public string? DeletedId { get; init; }
}
