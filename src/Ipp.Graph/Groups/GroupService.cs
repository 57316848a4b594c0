using System.Data;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups.Entities;
using Ipp.Graph.Groups.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Groups;

/// <summary>
/// Creates, renames and deletes groups and changes their members. Each change is one transaction that holds the
/// group while it reads and writes (so two changes of one group take turns, on every instance): everything asked is
/// checked first, and any problem (a <see cref="MutationException"/>) leaves everything as it was. Each change is
/// recorded in the <see cref="AuditLog"/> in its transaction (target: the group, labelled with its name after the
/// change; details: the users' global ids whose membership changed, the old name of a renamed group).
/// </summary>
public sealed class GroupService(IDbContextFactory<IppDbContext> databases, IOptions<GroupsOptions> options, AuditLog audit, TimeProvider clock)
{
    private GroupsOptions Options => options.Value;

    /// <summary>Creates a group with this name.</summary>
    public async Task<GroupView> CreateAsync(AuditActor actor, string name, CancellationToken cancellationToken)
    {
        var trimmed = CheckName(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var group = new Group { Name = trimmed, NormalizedName = GroupNames.Normalize(trimmed), CreatedAt = clock.UtcNowToMillisecond() };
        db.Add(group);
        await SaveNamedAsync(db, trimmed, cancellationToken);
        audit.Record(db, actor, AuditActions.CreateGroup, AuditTarget.Group(group.Id, group.Name));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(group);
    }

    /// <summary>Gives the group <paramref name="id"/> a new name (which may differ from the old in case only).</summary>
    public async Task<GroupView> RenameAsync(AuditActor actor, string id, string name, CancellationToken cancellationToken)
    {
        var trimmed = CheckName(name);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, id, cancellationToken);
        var group = await db.Set<Group>().SingleAsync(g => g.Id == transaction.GroupId, cancellationToken);
        audit.Record(db, actor, AuditActions.RenameGroup, AuditTarget.Group(group.Id, trimmed), new Dictionary<string, string> { ["oldName"] = group.Name });
        group.Name = trimmed;
        group.NormalizedName = GroupNames.Normalize(trimmed);
        await SaveNamedAsync(db, trimmed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(group);
    }

    /// <summary>Deletes the group <paramref name="id"/> and every membership of it (the audit entry lists the members it had).</summary>
    public async Task<GroupView> DeleteAsync(AuditActor actor, string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, id, cancellationToken);
        var group = await db.Set<Group>().AsNoTracking().SingleAsync(g => g.Id == transaction.GroupId, cancellationToken);
        var members = await MembersAsync(db, group.Id, cancellationToken);
        await db.Set<GroupMember>().Where(m => m.GroupId == group.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Group>().Where(g => g.Id == group.Id).ExecuteDeleteAsync(cancellationToken);
        audit.Record(db, actor, AuditActions.DeleteGroup, AuditTarget.Group(group.Id, group.Name), Users(members));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(group);
    }

    /// <summary>Makes the users members of the group; none may be one already.</summary>
    public async Task<GroupView> AddMembersAsync(AuditActor actor, string id, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var users = DecodeUsers(userIds);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, id, cancellationToken);
        var keys = users.Keys.ToArray();
        var existing = await db.Users.Where(u => keys.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        Refuse(users, keys.Except(existing), ids => new GroupUserNotFoundError(ids));
        var members = await MembersAsync(db, transaction.GroupId, cancellationToken);
        Refuse(users, keys.Intersect(members), ids => new AlreadyGroupMemberError(ids));
        db.Set<GroupMember>().AddRange(keys.Select(key => new GroupMember { GroupId = transaction.GroupId, UserId = key }));
        var group = await ReadAsync(db, transaction.GroupId, cancellationToken);
        audit.Record(db, actor, AuditActions.AddGroupMembers, AuditTarget.Group(group.Key, group.Name), Users(keys));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return group;
    }

    /// <summary>Ends the users' memberships of the group; each must be a member.</summary>
    public async Task<GroupView> RemoveMembersAsync(AuditActor actor, string id, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var users = DecodeUsers(userIds);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, id, cancellationToken);
        var keys = users.Keys.ToArray();
        var members = await MembersAsync(db, transaction.GroupId, cancellationToken);
        Refuse(users, keys.Except(members), ids => new NotGroupMemberError(ids));
        await db.Set<GroupMember>().Where(m => m.GroupId == transaction.GroupId && keys.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
        var group = await ReadAsync(db, transaction.GroupId, cancellationToken);
        audit.Record(db, actor, AuditActions.RemoveGroupMembers, AuditTarget.Group(group.Key, group.Name), Users(keys));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return group;
    }

    /// <summary>An audit entry's details naming the users whose membership changed: <c>{"userIds": ["…"]}</c>, global ids in order.</summary>
    private static Dictionary<string, object> Users(IEnumerable<long> keys) =>
        new() { ["userIds"] = keys.Order().Select(key => GlobalId.Encode("User", key)).ToArray() };

    /// <summary>The name trimmed, when it can name a group; else an <see cref="InvalidGroupNameError"/>.</summary>
    private string CheckName(string name)
    {
        var trimmed = name.Trim();
        return GroupNames.Problem(trimmed, Options.MaxNameLength) is { } problem
            ? throw new MutationException(new InvalidGroupNameError(problem, Options.MaxNameLength))
            : trimmed;
    }

    /// <summary>Saves a new or renamed group; the unique index refusing the name is a <see cref="GroupNameTakenError"/>.</summary>
    private static async Task SaveNamedAsync(IppDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Data.UniqueConstraint.IsViolation(e))
        {
            throw new MutationException(new GroupNameTakenError(name));
        }
    }

    /// <summary>
    /// The users' global ids by their keys, each once; an id that is no user's id at all is a
    /// <see cref="GroupUserNotFoundError"/>, too few or too many an <see cref="InvalidGroupUsersError"/>.
    /// </summary>
    private Dictionary<long, string> DecodeUsers(IReadOnlyList<string> userIds)
    {
        if (userIds.Count == 0 || userIds.Count > Options.MaxUsersPerChange)
        {
            throw new MutationException(new InvalidGroupUsersError(userIds.Count, Options.MaxUsersPerChange));
        }

        var users = new Dictionary<long, string>();
        var malformed = new List<string>();
        foreach (var id in userIds)
        {
            if (GlobalId.TryDecode(id, "User", out var key))
            {
                users.TryAdd(key, id);
            }
            else
            {
                malformed.Add(id);
            }
        }

        return malformed.Count > 0 ? throw new MutationException(new GroupUserNotFoundError(malformed)) : users;
    }

    /// <summary>Refuses the change when <paramref name="offending"/> names any user, listing their ids as given.</summary>
    private static void Refuse(Dictionary<long, string> users, IEnumerable<long> offending, Func<IReadOnlyList<string>, MutationError> error)
    {
        var ids = offending.Select(key => users[key]).ToList();
        if (ids.Count > 0)
        {
            throw new MutationException(error(ids));
        }
    }

    private static Task<List<long>> MembersAsync(IppDbContext db, long groupId, CancellationToken cancellationToken) =>
        db.Set<GroupMember>().Where(m => m.GroupId == groupId).Select(m => m.UserId).ToListAsync(cancellationToken);

    private static async Task<GroupView> ReadAsync(IppDbContext db, long groupId, CancellationToken cancellationToken) =>
        View(await db.Set<Group>().AsNoTracking().SingleAsync(g => g.Id == groupId, cancellationToken));

    private static GroupView View(Group group) => new(group.Id, group.Name, new DateTimeOffset(group.CreatedAt));

    /// <summary>
    /// Begins the transaction of a change to the group with the global id <paramref name="id"/>, holding the group
    /// until it ends: SQLite <c>BEGIN IMMEDIATE</c> (the database's one write lock); PostgreSQL the group's row locked
    /// <c>FOR UPDATE</c>, which other changes of the group wait for. No such group is a <see cref="GroupNotFoundError"/>.
    /// </summary>
    private static async Task<GroupTransaction> BeginAsync(IppDbContext db, string id, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecode(id, GroupView.TypeName, out var groupId))
        {
            throw new MutationException(new GroupNotFoundError(id));
        }

        var npgsql = db.Database.IsNpgsql();
        var transaction = await db.Database.BeginTransactionAsync(npgsql ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, cancellationToken);
        try
        {
            var found = npgsql
                ? (await db.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM groups WHERE id = {groupId} FOR UPDATE").ToListAsync(cancellationToken)).Count > 0
                : await db.Set<Group>().AnyAsync(g => g.Id == groupId, cancellationToken);
            return found ? new GroupTransaction(transaction, groupId) : throw new MutationException(new GroupNotFoundError(id));
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>A change's transaction and the key of the group it holds.</summary>
    private sealed class GroupTransaction(IDbContextTransaction transaction, long groupId) : IAsyncDisposable
    {
        public long GroupId { get; } = groupId;

        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
