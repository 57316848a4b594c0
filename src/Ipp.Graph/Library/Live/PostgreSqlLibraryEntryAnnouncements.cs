using System.Text.Json;
using System.Text.Json.Serialization;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Live;

/// <summary>
/// The announcements of instances sharing a PostgreSQL database: NOTIFYed on the channel
/// <c>ipp_library_entry_stored</c> (ids only), and every instance (this one too) hands what it receives to its
/// <see cref="StoredEntryHub"/>; the subscription reads the entry itself, as its owner sees it.
/// </summary>
public sealed class PostgreSqlLibraryEntryAnnouncements(StoredEntryHub hub, IDbContextFactory<IppDbContext> databases)
    : ILibraryEntryAnnouncements, IPostgreSqlChannel
{
    public string Name => "ipp_library_entry_stored";

    public async Task StoredAsync(LibraryEntryStored stored, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await PostgreSqlNotifications.NotifyAsync(db, Name, JsonSerializer.Serialize(stored, StoredEntryJson.Default.LibraryEntryStored), cancellationToken);
    }

    public void Receive(string payload) =>
        hub.Publish(JsonSerializer.Deserialize(payload, StoredEntryJson.Default.LibraryEntryStored) ?? throw new JsonException("A stored entry announcement was null."));

    /// <summary>Nothing to replay: the subscription is live only, and the library lists what is stored.</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

[JsonSerializable(typeof(LibraryEntryStored))]
internal sealed partial class StoredEntryJson : JsonSerializerContext;
