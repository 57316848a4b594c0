using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// The <c>cursor</c> of an <c>ExperimentStatusChangedEvent</c>: its event id, in URL-safe base64 so that clients
/// treat it as opaque.
/// </summary>
public static class EventCursor
{
    private const string Prefix = "ExperimentEvent:";

    public static string Encode(long eventId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + eventId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The event id of a cursor; false when the text is not a cursor this server gave.</summary>
    public static bool TryDecode(string cursor, out long eventId)
    {
        eventId = 0;
        if (cursor.Length is 0 or > 100 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Digits only: long.TryParse would also take trailing NUL characters.
        var digits = text.AsSpan(Prefix.Length);
        return digits.Length > 0
            && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out eventId);
    }
}
