using System.Linq.Expressions;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Entries;
using Ipp.Graph.Tags;

namespace Ipp.Graph.Library.Query;

/// <summary>
/// The <c>files</c> list: filtered by <c>LibraryEntryFilterInput</c> (names searched without regard to case, through
/// the normalized name; tags through a <see cref="TagListFilter{TRow, TLink}"/>; <c>mine</c> against the caller), sorted by
/// <c>LibraryEntrySortInput</c>, newest first without <c>order</c>, pages sized by <see cref="LibraryEntriesOptions"/>.
/// The definition is made per request: <c>mine</c> compares with the caller.
/// </summary>
internal static class FilesList
{
    private static readonly TagListFilter<LibraryEntry, LibraryEntryTag> Tags = new(nameof(LibraryEntry.Tags), nameof(LibraryEntryTag.EntryId), nameof(LibraryEntryTag.TagId));

    private static readonly ListSortKey<LibraryEntry>[] SortKeys =
    [
        ListSortKey<LibraryEntry>.Text("name", e => e.NormalizedName),
        ListSortKey<LibraryEntry>.Number("size", e => e.Size),
        ListSortKey<LibraryEntry>.Instant("createdAt", e => e.CreatedAt),
    ];

    /// <summary>The list as <paramref name="callerId"/> sees it.</summary>
    public static ListDefinition<LibraryEntry> For(long callerId) => new()
    {
        Name = "files",
        Filters = new Dictionary<string, ListFilterField<LibraryEntry>>(StringComparer.Ordinal)
        {
            ["name"] = (filter, operations, depth) =>
                filter.Text(Property(nameof(LibraryEntry.NormalizedName)), operations, depth, normalize: LibraryNames.Normalize),
            ["kind"] = (filter, operations, depth) =>
                filter.Values(Property(nameof(LibraryEntry.Kind)), operations, depth, "LibraryEntryKindOperationFilterInput", value => (LibraryEntryKind)value),
            ["size"] = (filter, operations, depth) => filter.Number(Property(nameof(LibraryEntry.Size)), operations, depth),
            ["createdAt"] = (filter, operations, depth) => filter.Instant(Property(nameof(LibraryEntry.CreatedAt)), operations, depth),
            ["tags"] = Tags.Build,
            ["mine"] = (filter, operations, depth) =>
                filter.Values(
                    Expression.Equal(Property(nameof(LibraryEntry.OwnerId)), QueryParameter.Of(callerId)),
                    operations,
                    depth,
                    "BooleanOperationFilterInput",
                    value => (bool)value),
        },
        SortKeys = SortKeys,
        Id = e => e.Id,
        DefaultOrder = ("createdAt", true),
        PageSizes = ListPageSizes.Of<LibraryEntriesOptions>,
        BindFilter = Tags.Bind,
    };

    private static MemberExpression Property(string name) => ListFilter<LibraryEntry>.Property(name);
}
