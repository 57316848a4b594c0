using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// The <c>cursor</c> of an <c>ExperimentStatusChangedEvent</c>: its event id, written as the global id of an
/// <c>ExperimentEvent</c> so that clients treat it as opaque.
/// </summary>
public static class EventCursor
{
    private const string TypeName = "ExperimentEvent";

    public static string Encode(long eventId) => GlobalId.Encode(TypeName, eventId);

    /// <summary>The event id of a cursor; false when the text is not a cursor this server gave.</summary>
    public static bool TryDecode(string cursor, out long eventId) => GlobalId.TryDecode(cursor, TypeName, out eventId);
}
