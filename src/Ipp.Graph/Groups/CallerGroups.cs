using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Groups.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Groups;

/// <summary>
/// The groups a request's caller belongs to, by their compared names (<see cref="GroupNames.Normalize"/>): read from
/// the database once per request (a data loader) and kept no longer, so a change of membership holds from the next
/// request on every instance. An anonymous caller belongs to none.
/// </summary>
public static class CallerGroups
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public static ValueTask<IReadOnlySet<string>> OfCallerAsync(ResolveContext context) =>
        context.LiveCaller() is { } caller ? OfUserAsync(context, caller.UserId) : new(None);

    /// <summary>The groups of the user <paramref name="userId"/>, by their compared names.</summary>
    public static ValueTask<IReadOnlySet<string>> OfUserAsync(ResolveContext context, long userId)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return context.Request.DataLoader<long, IReadOnlySet<string>>("groupNamesOfUser", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<GroupMember>().AsNoTracking()
                .Where(m => ids.Contains(m.UserId))
                .Join(db.Set<Group>(), m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, g.NormalizedName })
                .ToListAsync(cancellationToken);
            var byUser = rows.ToLookup(row => row.UserId, row => row.NormalizedName);
            return ids.Select(id => (IReadOnlySet<string>)byUser[id].ToHashSet(StringComparer.Ordinal)).ToArray();
        }).LoadAsync(userId);
    }
}
