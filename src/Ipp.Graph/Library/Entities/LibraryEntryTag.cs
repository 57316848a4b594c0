namespace Ipp.Graph.Library.Entities;

/// <summary>A tag on a library entry (table <c>library_entry_tags</c>).</summary>
public sealed class LibraryEntryTag
{
    public long EntryId { get; set; }

    public long TagId { get; set; }
}
