namespace Ipp.Graph.Library;

/// <summary>The <c>extensions.code</c> values of the library's errors.</summary>
public static class LibraryErrorCodes
{
    /// <summary>A file's path is absolute, empty, holds an empty, <c>.</c>, <c>..</c> or device-name segment, or is too long or deep.</summary>
    public const string InvalidPath = "INVALID_PATH";

    /// <summary>The caller has an entry of that name already, or the upload holds two (compared without regard to case).</summary>
    public const string EntryNameTaken = "ENTRY_NAME_TAKEN";

    /// <summary>A folder holds more files than <c>Library:MaxFolderFiles</c>.</summary>
    public const string FolderTooLarge = "FOLDER_TOO_LARGE";

    // The files list, rename, delete and tagging (Library/Entries).

    /// <summary>No entry of the caller's own has the id (others' entries, even shared ones, answer alike).</summary>
    public const string EntryNotFound = "ENTRY_NOT_FOUND";

    /// <summary>A change names more entry ids, or more tag ids, than <c>Library:MaxIdsPerChange</c>.</summary>
    public const string TooManyIds = "TOO_MANY_IDS";
}
