namespace Ipp.Graph.Library.Entities;

/// <summary>What an entry of the library holds (stored as its name's text).</summary>
public enum LibraryEntryKind
{
    /// <summary>One file.</summary>
    File,

    /// <summary>A folder uploaded in one go, with the files under it at their relative paths.</summary>
    Folder,
}
