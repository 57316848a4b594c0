using System.Text.Json;
using System.Text.Json.Serialization;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The announcements of instances sharing a PostgreSQL database: the transaction that changes a user's grants NOTIFYs
/// them on the channel <c>ipp_user_grants</c>, sent exactly when it commits, and every instance records what it
/// receives in its <see cref="CallerGrants"/> (this one as soon as it committed).
/// </summary>
public sealed class PostgreSqlGrantAnnouncements(CallerGrants grants, IDbContextFactory<IppDbContext> databases) : IGrantAnnouncements, IPostgreSqlChannel
{
    public string Name => "ipp_user_grants";

    public Task EnlistAsync(IppDbContext db, long userId, UserGrants changed, CancellationToken cancellationToken) =>
        PostgreSqlNotifications.NotifyAsync(db, Name, JsonSerializer.Serialize(Announcement.Of(userId, changed), GrantsJson.Default.Announcement), cancellationToken);

    /// <summary>
    /// Records the change here at once, so the user's next request to this instance holds it without waiting for the
    /// notification; the notification arriving later changes nothing (its version is not newer).
    /// </summary>
    public void Committed(long userId, UserGrants changed) => grants.Record(userId, changed);

    public void Receive(string payload)
    {
        var announcement = JsonSerializer.Deserialize(payload, GrantsJson.Default.Announcement) ?? throw new JsonException("A grants announcement was null.");
        grants.Record(announcement.UserId, announcement.ToGrants());
    }

    /// <summary>Reads the grants of every user whose grants ever changed (a version above 0): the announcements missed are among them.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var changed = await db.Users.AsNoTracking().Where(user => user.GrantsVersion > 0)
            .Select(user => new { user.Id, user.GrantsVersion, user.Approval, Roles = user.Roles.Select(role => role.Role).ToList() })
            .ToListAsync(cancellationToken);
        foreach (var user in changed)
        {
            grants.Record(user.Id, new UserGrants(user.GrantsVersion, RoleNames.ParseAll(user.Roles), user.Approval));
        }
    }

    /// <summary>Grants as announced: roles and approval by their stored names.</summary>
    internal sealed record Announcement(long UserId, long Version, string[] Roles, string Approval)
    {
        public static Announcement Of(long userId, UserGrants grants) =>
            new(userId, grants.Version, [.. grants.Roles.Select(RoleNames.NameOf)], ApprovalStates.NameOf(grants.Approval));

        public UserGrants ToGrants() => new(Version, RoleNames.ParseAll(Roles), ApprovalStates.Parse(Approval));
    }
}

[JsonSerializable(typeof(PostgreSqlGrantAnnouncements.Announcement))]
internal sealed partial class GrantsJson : JsonSerializerContext;
