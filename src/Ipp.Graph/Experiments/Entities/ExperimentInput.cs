using Ipp.Graph.Library.Entities;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>
/// An input file of an experiment (table <c>experiment_inputs</c>), stored in the experiment's folder: uploaded with
/// it, or copied from its owner's library (<see cref="LibraryEntryId"/>), a folder entry's files one row each. An
/// experiment on a container image has no folder and copies nothing: its row names the library file's blob
/// (<see cref="BlobKey"/>), which then stays in the store while any input names it, the entry deleted or not.
/// </summary>
public sealed class ExperimentInput
{
    /// <summary>The longest name an uploaded file keeps, in characters (file systems allow 255 bytes).</summary>
    public const int FileNameMaxLength = 255;

    /// <summary>
    /// The longest <see cref="StoredName"/> or <see cref="OriginalName"/>: a library folder's name, '/', and a path
    /// inside it.
    /// </summary>
    public const int PathMaxLength = LibraryEntry.NameMaxLength + 1 + LibraryFile.PathMaxLength;

    public long Id { get; set; }

    public long ExperimentId { get; set; }

    /// <summary>The application's ATTACHMENT parameter the file is for.</summary>
    public required string Parameter { get; set; }

    /// <summary>
    /// The file's path in the experiment's folder: the client's or the library entry's name reduced to a safe, unique
    /// base name; for a file of a library folder, the folder's such name, '/', and the file's path inside it.
    /// </summary>
    public required string StoredName { get; set; }

    /// <summary>The name the client gave; for a library entry its name (a folder's file: the name, '/', the path inside).</summary>
    public required string OriginalName { get; set; }

    /// <summary>The size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>
    /// The library entry the file was copied from; null for an upload. No foreign key: the experiment keeps its copy,
    /// and this id, when the entry is deleted (entry ids are never reused).
    /// </summary>
    public long? LibraryEntryId { get; set; }

    /// <summary>That entry's name when the file was copied; null for an upload.</summary>
    public string? LibraryEntryName { get; set; }

    /// <summary>
    /// For an experiment on a container image, the blob of the library file it reads (<see cref="LibraryFile.BlobKey"/>),
    /// which its job reads and its download streams; null for a file in the experiment's folder. Not unique: experiments
    /// on the same entry name the same blob.
    /// </summary>
    public string? BlobKey { get; set; }

    /// <summary>With <see cref="BlobKey"/>, that blob's SHA-256 (<see cref="LibraryFile.Sha256"/>), its downloads' ETag.</summary>
    public string? Sha256 { get; set; }

    /// <summary>
    /// This row for another experiment (a clone): every column copied but the ids, so a column added later comes
    /// along without a change here.
    /// </summary>
    public ExperimentInput CopyForAnother()
    {
        var copy = (ExperimentInput)MemberwiseClone();
        copy.Id = 0;
        copy.ExperimentId = 0;
        return copy;
    }
}
