using System.Text.Json;
using Ipp.Graph.Data;

namespace Ipp.Graph.Administration.Audit;

/// <summary>
/// Records administrative actions: every feature that changes what others may do calls <see cref="Record"/> in the
/// transaction of its change, so the change and its entry commit together or not at all.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    /// <summary>
    /// Adds the entry to <paramref name="db"/>; the caller's <c>SaveChanges</c> and commit write it with the change.
    /// <paramref name="details"/>: a dictionary of names and values (the role; a list of user ids), kept as a JSON
    /// object; none when null.
    /// </summary>
    public void Record(IppDbContext db, AuditActor actor, string action, AuditTarget target, object? details = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            OccurredAt = clock.UtcNowToMillisecond(),
            ActorId = actor.UserId,
            ActorLabel = Truncate(actor.Label),
            Action = action,
            TargetKind = target.Kind,
            TargetId = target.Id,
            TargetLabel = Truncate(target.Label),
            DetailsJson = details is null ? null : JsonSerializer.Serialize(details),
        });

    private static string Truncate(string label) => label.Length <= AuditEntry.LabelMaxLength ? label : label[..AuditEntry.LabelMaxLength];
}
