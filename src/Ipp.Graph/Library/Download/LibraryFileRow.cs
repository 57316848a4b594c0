namespace Ipp.Graph.Library.Download;

/// <summary>
/// The <c>LibraryFile</c> type: one stored file of an entry as <c>LibraryEntry.files</c> selects it in SQL (its
/// <c>downloadUrl</c> is made from it when asked).
/// </summary>
public sealed class LibraryFileRow
{
    public long Id { get; init; }

    public long EntryId { get; init; }

    /// <summary>Its path inside the folder ('/' between parts); a file entry's name for its one file.</summary>
    public required string Path { get; init; }

    /// <summary>True for a folder's file (downloaded by its path), false for a file entry's one file (its entry's content).</summary>
    public bool InFolder { get; init; }

    public long Size { get; init; }

    public required string Sha256 { get; init; }
}
