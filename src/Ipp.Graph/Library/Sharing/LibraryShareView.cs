using Ipp.Graph.GraphQL;
using Ipp.Graph.Groups;

namespace Ipp.Graph.Library.Sharing;

/// <summary>
/// The <c>LibraryShare</c> type: a grant as its owner sees it, showing only what they typed or know: the grantee's
/// email (which they typed), the group (which they belong to), the entry or tag (theirs, or a custom one).
/// </summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record LibraryShareView(long Key, long? EntryId, LibraryShareTag? Tag, string? Email, GroupView? Group, DateTimeOffset CreatedAt)
{
    /// <summary>The global type name of grants.</summary>
    public const string TypeName = "LibraryShare";

    /// <summary>The global id: <c>LibraryShare:key</c>.</summary>
    public string Id => GlobalId.Encode(TypeName, Key);
}

/// <summary>The <c>LibraryShareTag</c> type: the tag a grant covers.</summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
/// <param name="Custom">True for a custom tag, false for the sharer's own.</param>
public sealed record LibraryShareTag(long Key, string Name, bool Custom)
{
    /// <summary>The global type name of tags.</summary>
    public const string TypeName = "Tag";

    /// <summary>The global id: <c>Tag:key</c>.</summary>
    public string Id => GlobalId.Encode(TypeName, Key);
}
