using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups.Errors;

namespace Ipp.Graph.Groups;

/// <summary>
/// <c>createGroup</c>, <c>renameGroup</c>, <c>deleteGroup</c>, <c>addGroupMembers</c> and <c>removeGroupMembers</c>
/// (each needs <c>groups:manage</c>, which the contract's rule checks): each is one transaction of the
/// <see cref="GroupService"/>, and every one that changed something passes through <see cref="Changed"/>.
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
                Changed(context, await Groups(context).CreateAsync(context.Input<CreateGroupInput>().Name, context.CancellationToken)).Group())
            .ResolveMutation("renameGroup", async context =>
            {
                var input = context.Input<RenameGroupInput>();
                return Changed(context, await Groups(context).RenameAsync(input.Id, input.Name, context.CancellationToken)).Group();
            })
            .ResolveMutation("deleteGroup", async context =>
                new DeleteGroupPayload { DeletedId = Changed(context, await Groups(context).DeleteAsync(context.Input<DeleteGroupInput>().Id, context.CancellationToken)).Group.Id })
            .ResolveMutation("addGroupMembers", async context =>
            {
                var input = context.Input<GroupMembersInput>();
                return Changed(context, await Groups(context).AddMembersAsync(input.Id, input.UserIds, context.CancellationToken)).Group();
            })
            .ResolveMutation("removeGroupMembers", async context =>
            {
                var input = context.Input<GroupMembersInput>();
                return Changed(context, await Groups(context).RemoveMembersAsync(input.Id, input.UserIds, context.CancellationToken)).Group();
            });

    /// <summary>
    /// The one place every group mutation passes after its change was committed, with what it did (the seam where an
    /// audit log records each change).
    /// </summary>
    private static GroupChange Changed(ResolveContext context, GroupChange change) => change;

    private static GroupPayload Group(this GroupChange change) => new() { Group = change.Group };

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
