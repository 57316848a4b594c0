namespace Ipp.Graph.Library;

/// <summary>The <c>Library</c> settings (appsettings.json documents each with its default).</summary>
public sealed class LibraryOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Library";

    /// <summary>The most files one folder entry may hold (every file is a row and a blob; a zip of it lists each).</summary>
    public int MaxFolderFiles { get; set; } = 20_000;

    /// <summary>The most segments a file's path may have, the entry's own name included.</summary>
    public int MaxPathDepth { get; set; } = 32;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (MaxFolderFiles < 1)
        {
            throw new InvalidOperationException($"Library:MaxFolderFiles must be 1 or more; it is {MaxFolderFiles}.");
        }

        if (MaxPathDepth < 1)
        {
            throw new InvalidOperationException($"Library:MaxPathDepth must be 1 or more; it is {MaxPathDepth}.");
        }
    }
}
