using Ipp.Graph.Data;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Accounts;

/// <summary>Users as the API shows them, read through the request's data loader: the users of one response in one query.</summary>
public static class UserViews
{
    /// <summary>The user with this id; null when there is none.</summary>
    public static ValueTask<UserView?> LoadAsync(ResolveContext context, long userId)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return context.Request.DataLoader<long, UserView>("users", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.Users.AsNoTracking()
                .Where(user => ids.Contains(user.Id))
                .Select(user => new { user.Id, user.Email, user.CreatedAt, user.Approval, user.Disabled, Roles = user.Roles.Select(role => role.Role).ToList() })
                .ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<long, UserView>)rows.ToDictionary(
                row => row.Id,
                row => new UserView(row.Id, row.Email, RoleNames.ParseAll(row.Roles), new DateTimeOffset(row.CreatedAt), row.Approval, row.Disabled));
        }).LoadAsync(userId);
    }
}
