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

    /// <summary>How often the blob store is swept of what failed uploads left, besides at start; zero: at start only.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How old a blob no entry records, or an unfinished write, must be before the sweep removes it: far longer than
    /// an upload takes from its first stored file to its record.
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (SweepInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Library:SweepInterval must be zero (at start only) or more; it is {SweepInterval}.");
        }

        if (OrphanGrace < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"Library:OrphanGrace must be a minute or more (longer than any upload takes); it is {OrphanGrace}.");
        }

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
