using System.Text.Json;
using System.Text.Json.Serialization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// The bus of instances sharing a PostgreSQL database: the transaction that records an event also NOTIFYs it on the
/// channel <c>ipp_experiment_events</c>, so it is announced exactly when it commits, and every instance (this one
/// too) hands what it receives to its own <see cref="ExperimentEventHub"/>: once per subscriber, whichever instance
/// recorded it.
/// </summary>
public sealed class PostgreSqlExperimentEventBus(ExperimentEventHub hub) : IExperimentEventBus, IPostgreSqlChannel
{
    public string Name => "ipp_experiment_events";

    public Task EnlistAsync(IppDbContext db, ExperimentEvent change, CancellationToken cancellationToken) =>
        PostgreSqlNotifications.NotifyAsync(db, Name, JsonSerializer.Serialize(Announcement.Of(change), AnnouncementJson.Default.Announcement), cancellationToken);

    /// <summary>Nothing: this instance receives its own announcement as the others do.</summary>
    public void Committed(ExperimentEvent change)
    {
    }

    public void Receive(string payload)
    {
        var announcement = JsonSerializer.Deserialize(payload, AnnouncementJson.Default.Announcement)
            ?? throw new JsonException("An experiment event announcement was null.");
        hub.Publish(announcement.ToEvent());
    }

    /// <summary>Each live subscription reads what it missed from the events' table (<see cref="ExperimentEventHub.CatchUp"/>).</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken)
    {
        hub.CatchUp();
        return Task.CompletedTask;
    }

    /// <summary>An event as announced: its row's values, statuses by their stored names (a reason fits NOTIFY's 8000 bytes: at most 1000 characters).</summary>
    internal sealed record Announcement(long Id, long ExperimentId, long UserId, string Status, string? PreviousStatus, DateTime OccurredAt, string? Reason)
    {
        public static Announcement Of(ExperimentEvent change) =>
            new(change.Id, change.ExperimentId, change.UserId, change.Status.ToName(), change.PreviousStatus?.ToName(), change.OccurredAt, change.Reason);

        public ExperimentEvent ToEvent() => new()
        {
            Id = Id,
            ExperimentId = ExperimentId,
            UserId = UserId,
            Status = ParseStatus(Status),
            PreviousStatus = PreviousStatus is null ? null : ParseStatus(PreviousStatus),
            OccurredAt = DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc),
            Reason = Reason,
        };

        private static ExperimentStatus ParseStatus(string name) =>
            ExperimentStatusNames.TryParse(name, out var status) ? status : throw new JsonException($"Unknown status '{name}' announced.");
    }
}

[JsonSerializable(typeof(PostgreSqlExperimentEventBus.Announcement))]
internal sealed partial class AnnouncementJson : JsonSerializerContext;
