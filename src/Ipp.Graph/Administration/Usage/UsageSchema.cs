using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Administration.Usage;

/// <summary>
/// <c>User.usage</c>: a user's experiments by status and the bytes they store against the quota, for the user
/// themself and holders of <c>users:read</c> (<see cref="PrivateUserFields"/>). The users of one response are read
/// together: one query for every count, two for the bytes.
/// </summary>
public static class UsageSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<UserUsage>("Usage")
            .BindType<ExperimentStatusCount>("ExperimentStatusCount")
            .Resolve("User.usage", UsageOfAsync);

    private static async ValueTask<object?> UsageOfAsync(ResolveContext context)
    {
        var userId = context.ParentAs<UserView>().Key;
        PrivateUserFields.Check(context, userId);
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var limits = context.Service<IOptions<ExperimentQuotaOptions>>().Value;
        return await context.Request.DataLoader<long, UserUsage>("usageOfUser", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var counts = await db.Experiments.TagWith("usage: experiments by status")
                .Where(e => ids.Contains(e.UserId) && e.Status != ExperimentStatus.Staging)
                .GroupBy(e => new { e.UserId, e.Status })
                .Select(g => new { g.Key.UserId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var bytes = await UserStoredBytes.SumByUserAsync(db, ids, cancellationToken);
            var byUser = counts.ToLookup(c => c.UserId);
            return ids.Select(id =>
            {
                var own = byUser[id].ToDictionary(c => c.Status, c => c.Count);
                var statuses = ExperimentStatusNames.Namespaces.Select(status => new ExperimentStatusCount(status, own.GetValueOrDefault(status))).ToArray();
                return new UserUsage(statuses, statuses.Sum(s => s.Count), limits.MaxPerUser, bytes.GetValueOrDefault(id), limits.MaxUserBytes);
            }).ToArray();
        }).LoadAsync(userId);
    }
}
