using Ipp.Graph.Data.Lists;

namespace Ipp.Graph.Library.Entries;

/// <summary>
/// The settings of listing and changing library entries, in the <c>Library</c> section: the page sizes of
/// <c>files</c> and the most ids one change names (appsettings.json documents each with its default).
/// </summary>
public sealed class LibraryEntriesOptions : IListPageSizeOptions
{
    /// <summary>The page size of <c>files</c> when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> or <c>last</c> of <c>files</c>; larger is HC0051.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The most entry ids, and the most tag ids, that one <c>deleteEntries</c>, <c>tagEntries</c> or <c>untagEntries</c> names.</summary>
    public int MaxIdsPerChange { get; set; } = 100;

    /// <summary>Throws when the settings make no sense, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        IListPageSizeOptions.ValidatePageSizes(this, "Library");

        if (MaxIdsPerChange < 1)
        {
            throw new InvalidOperationException($"Library:MaxIdsPerChange must be 1 or more; it is {MaxIdsPerChange}.");
        }
    }
}
