using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Groups.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Groups;

/// <summary>
/// The groups of the contract: <c>groups</c> (with <c>groups:read</c>), the <c>Group</c> node and its
/// <c>members</c>, and <c>User.groups</c>: a user's own groups are theirs to read, anyone else's need
/// <c>groups:read</c>. The mutations are <see cref="GroupMutations"/>.
/// </summary>
public static class GroupsSchema
{
    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<GroupView>("Group")
            .Resolve("Query.groups", AllAsync)
            .Resolve("Group.members", MembersAsync)
            .Resolve("User.groups", GroupsOfUserAsync);
        GroupMutations.Bind(schema);
        nodes.Add(GroupView.TypeName, FetchGroupAsync);
    }

    /// <summary>Every group, by name (compared without regard to case).</summary>
    private static async ValueTask<object?> AllAsync(ResolveContext context)
    {
        await using var db = await Databases(context).CreateDbContextAsync(context.CancellationToken);
        var groups = await db.Set<Group>().AsNoTracking().OrderBy(g => g.NormalizedName)
            .Select(g => new { g.Id, g.Name, g.CreatedAt }).ToListAsync(context.CancellationToken);
        return groups.Select(g => new GroupView(g.Id, g.Name, new DateTimeOffset(g.CreatedAt))).ToArray();
    }

    /// <summary>The group's members, by email; the users of one response loaded together.</summary>
    private static async ValueTask<object?> MembersAsync(ResolveContext context)
    {
        var databases = Databases(context);
        var memberIds = await context.Request.DataLoader<long, long[]>("membersOfGroup", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<GroupMember>().AsNoTracking().Where(m => ids.Contains(m.GroupId))
                .Select(m => new { m.GroupId, m.UserId }).ToListAsync(cancellationToken);
            var byGroup = rows.ToLookup(row => row.GroupId, row => row.UserId);
            return ids.Select(id => byGroup[id].ToArray()).ToArray();
        }).LoadAsync(context.ParentAs<GroupView>().Key);
        var users = new List<UserView>(memberIds.Length);
        foreach (var id in memberIds)
        {
            if (await UserViews.LoadAsync(context, id) is { } user)
            {
                users.Add(user);
            }
        }

        return users.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>
    /// The user's groups, by name: for the user themself, or a caller holding <c>groups:read</c>; anyone else is
    /// refused (<c>AUTH_NOT_AUTHORIZED</c>, the field null).
    /// </summary>
    private static async ValueTask<object?> GroupsOfUserAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var user = context.ParentAs<UserView>();
        if (user.Key != caller.UserId && context.Service<AccessPolicy>().Refusal(caller, PermissionSet.Of(Permission.GroupsRead)) is { } refusal)
        {
            throw refusal;
        }

        return await GroupsOfAsync(context, user.Key);
    }

    /// <summary>The groups of the user <paramref name="userId"/>, by name; the users of one response in one query.</summary>
    private static ValueTask<GroupView[]> GroupsOfAsync(ResolveContext context, long userId)
    {
        var databases = Databases(context);
        return context.Request.DataLoader<long, GroupView[]>("groupsOfUser", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<GroupMember>().AsNoTracking().Where(m => ids.Contains(m.UserId))
                .Join(db.Set<Group>(), m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, g.Id, g.Name, g.NormalizedName, g.CreatedAt })
                .ToListAsync(cancellationToken);
            var byUser = rows.OrderBy(row => row.NormalizedName, StringComparer.Ordinal)
                .ToLookup(row => row.UserId, row => new GroupView(row.Id, row.Name, new DateTimeOffset(row.CreatedAt)));
            return ids.Select(id => byUser[id].ToArray()).ToArray();
        }).LoadAsync(userId);
    }

    /// <summary>The group with this id, for a caller holding <c>groups:read</c> or belonging to it; null otherwise.</summary>
    private static async ValueTask<object?> FetchGroupAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller)
        {
            return null;
        }

        if (context.Service<AccessPolicy>().Holds(caller, Permission.GroupsRead))
        {
            await using var db = await Databases(context).CreateDbContextAsync(context.CancellationToken);
            return await db.Set<Group>().AsNoTracking().Where(g => g.Id == key)
                .Select(g => new GroupView(g.Id, g.Name, new DateTimeOffset(g.CreatedAt))).FirstOrDefaultAsync(context.CancellationToken);
        }

        return (await GroupsOfAsync(context, caller.UserId)).FirstOrDefault(g => g.Key == key);
    }

    private static IDbContextFactory<IppDbContext> Databases(ResolveContext context) => context.Service<IDbContextFactory<IppDbContext>>();
}
