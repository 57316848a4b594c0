namespace Ipp.Graph.Library.Entities;

/// <summary>A stored file of a library entry (table <c>library_files</c>): its bytes are the blob under <see cref="BlobKey"/>.</summary>
public sealed class LibraryFile
{
    /// <summary>The longest relative path inside a folder, in characters.</summary>
    public const int PathMaxLength = 1024;

    public long Id { get; set; }

    public long EntryId { get; set; }

    /// <summary>
    /// The file's path inside its folder entry, its segments made safe and joined by '/' (the folder's own name not
    /// included); null for the one file of a file entry, which is named by its entry.
    /// </summary>
    public string? Path { get; set; }

    public long Size { get; set; }

    /// <summary>The SHA-256 of its bytes, 64 lowercase hexadecimal digits, computed while they were stored.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The key of its bytes in the blob store (<see cref="Storage.Blobs.BlobKey"/>); unique.</summary>
    public required string BlobKey { get; set; }
}
