using System.Globalization;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Mail;

namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// The mail telling an owner that their experiment completed or failed: its name, the new status, when, and the link
/// to its page; nothing else (no other user's data, no reason, which may name who cancelled).
/// </summary>
public static class ExperimentEndedMail
{
    /// <summary>The Message-ID's part before the domain: one per event, so a mail sent twice shows as one message.</summary>
    public static string MessageKey(long eventId) => string.Create(CultureInfo.InvariantCulture, $"experiment-event-{eventId}");

    public static OutgoingMail For(string owner, long eventId, string name, ExperimentStatus status, DateTime occurredAt, string page) => new(
        owner,
        $"Your experiment \"{name}\" {Word(status)}",
        $"""
        Your experiment "{name}" is now {status.ToApiName()} (since {occurredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC).

        To see it, open its page:

        {page}
        """,
        MessageKey(eventId));

    private static string Word(ExperimentStatus status) => status == ExperimentStatus.Completed ? "completed" : "failed";
}
