using Ipp.Graph.Data;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Accounts.Profile;

/// <summary>Reading and setting users' profiles, each operation in a short-lived database context of its own.</summary>
public sealed class Profiles(IDbContextFactory<IppDbContext> contexts)
{
    /// <summary>The user's profile through the request's data loader: the profiles of one response in one query.</summary>
    public static ValueTask<ProfileView?> LoadAsync(ResolveContext context, long userId)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return context.Request.DataLoader<long, ProfileView>("profiles", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<UserProfile>().AsNoTracking().Where(profile => ids.Contains(profile.UserId)).ToListAsync(cancellationToken);
            var found = rows.ToDictionary(row => row.UserId, ProfileView.Of);
            return (IReadOnlyDictionary<long, ProfileView>)ids.ToDictionary(id => id, id => found.GetValueOrDefault(id, ProfileView.Empty));
        }).LoadAsync(userId);
    }

    /// <summary>
    /// Replaces the user's profile with <paramref name="profile"/> (checked by <see cref="ProfileRules"/>), as one of the
    /// user's writers (<see cref="UserTransactions"/>), so two updates at once leave one of them whole.
    /// </summary>
    public async Task<ProfileView> SetAsync(long userId, UserProfile profile, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        profile.UserId = userId;
        var stored = await db.Set<UserProfile>().FirstOrDefaultAsync(row => row.UserId == userId, cancellationToken);
        if (stored is null)
        {
            db.Add(profile);
        }
        else
        {
            db.Entry(stored).CurrentValues.SetValues(profile);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ProfileView.Of(profile);
    }
}
