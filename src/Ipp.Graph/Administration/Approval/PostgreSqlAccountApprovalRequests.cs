using System.Text.Json;
using System.Text.Json.Serialization;
using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Administration.Approval;

/// <summary>
/// The requests of instances sharing a PostgreSQL database: NOTIFYed on the channel <c>ipp_account_pending</c>, and
/// every instance (this one too) hands what it receives to its <see cref="PendingAccountHub"/>.
/// </summary>
public sealed class PostgreSqlAccountApprovalRequests(PendingAccountHub hub, IDbContextFactory<IppDbContext> databases)
    : IAccountApprovalRequests, IPostgreSqlChannel
{
    public string Name => "ipp_account_pending";

    public async Task AccountPendingAsync(UserView user, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var payload = JsonSerializer.Serialize(new Announcement(user.Key, user.Email, user.CreatedAt), PendingJson.Default.Announcement);
        await PostgreSqlNotifications.NotifyAsync(db, Name, payload, cancellationToken);
    }

    public void Receive(string payload)
    {
        var announcement = JsonSerializer.Deserialize(payload, PendingJson.Default.Announcement) ?? throw new JsonException("A pending account announcement was null.");
        hub.Publish(new AccountPendingEvent(new UserView(announcement.UserId, announcement.Email, [], announcement.CreatedAt, ApprovalState.Pending, Disabled: false)));
    }

    /// <summary>Nothing to replay: the subscription is live only, and the pending accounts' rows say which wait.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A new pending account as announced (it holds no role yet).</summary>
    internal sealed record Announcement(long UserId, string Email, DateTimeOffset CreatedAt);
}

[JsonSerializable(typeof(PostgreSqlAccountApprovalRequests.Announcement))]
internal sealed partial class PendingJson : JsonSerializerContext;
