using System.Globalization;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// The hidden name a write stores its bytes under until they are whole and checked, beside the blob's place:
/// <c>.partial-&lt;key&gt;-&lt;start, Unix seconds&gt;-&lt;random&gt;</c>. A write that fails deletes it; one that
/// could not (the process or the server stopped midway) is found by the start time in its name and swept
/// (<see cref="IBlobStore.RemoveAbandonedUploadsAsync"/>), with no need for the storage's own file times.
/// </summary>
internal static class PartialUploadName
{
    private const string Prefix = ".partial-";

    /// <summary>A new name for an upload of <paramref name="key"/> starting now.</summary>
    public static string For(BlobKey key) => $"{Prefix}{key.Value}-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}-{Guid.NewGuid():N}";

    /// <summary>When the upload named <paramref name="name"/> started, when the name is one of these.</summary>
    public static bool TryStartedAt(string name, out DateTimeOffset startedAt)
    {
        startedAt = default;
        var parts = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..].Split('-') : [];
        if (parts.Length != 3 || !BlobKey.TryParse(parts[0], out _) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        startedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return true;
    }
}
