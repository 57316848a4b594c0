namespace Ipp.Graph.Library.Entities;

/// <summary>
/// An entry of a user's data library (table <c>library_entries</c>): a file, or a folder uploaded in one go (as in
/// TrainMate, one entry per file or top-level folder of an upload). It is recorded only once all its bytes are stored
/// (<see cref="Files"/>).
/// </summary>
public sealed class LibraryEntry
{
    /// <summary>The longest name, in characters (file systems allow 255 bytes for one name).</summary>
    public const int NameMaxLength = 255;

    public long Id { get; set; }

    /// <summary>The user whose entry it is.</summary>
    public long OwnerId { get; set; }

    /// <summary>The file's or folder's name as uploaded (made safe) or renamed.</summary>
    public required string Name { get; set; }

    /// <summary>The name in the form names are compared and searched by (lower case); unique among the owner's entries.</summary>
    public required string NormalizedName { get; set; }

    public LibraryEntryKind Kind { get; set; }

    /// <summary>The bytes of its file, or of all its folder's files.</summary>
    public long Size { get; set; }

    /// <summary>A file entry's SHA-256 (its one file's); null for a folder.</summary>
    public string? Sha256 { get; set; }

    /// <summary>How many files it holds: 1 for a file.</summary>
    public int FileCount { get; set; }

    /// <summary>When it was stored (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The bytes it makes the server store (its files and the texts of its rows), counted against the owner's quota
    /// with their experiments' (<see cref="Storage.UserStoredBytes"/>).
    /// </summary>
    public long StoredBytes { get; set; }

    /// <summary>
    /// The experiment whose outputs it holds, made when that experiment completed; null for an upload. Unique, so one
    /// experiment makes one entry however often its completion is seen; no foreign key (the entry stays when the
    /// experiment is deleted; ids are never reused).
    /// </summary>
    public long? ExperimentId { get; set; }

    /// <summary>Its stored files: one for a file, each file under a folder.</summary>
    public List<LibraryFile> Files { get; set; } = [];

    /// <summary>The tags it carries.</summary>
    public List<LibraryEntryTag> Tags { get; set; } = [];
}
