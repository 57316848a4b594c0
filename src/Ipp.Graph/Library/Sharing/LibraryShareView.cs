using Ipp.Graph.GraphQL;
using Ipp.Graph.Groups;
using Ipp.Graph.Tags.Entities;

namespace Ipp.Graph.Library.Sharing;

/// <summary>
/// The <c>LibraryShare</c> type: a grant as its owner sees it, showing only what they typed or know: the grantee's
/// email (which they typed), the group (which they belong to), the entry or tag (theirs, or a custom one).
/// </summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record LibraryShareView(long Key, long? EntryId, Tag? Tag, string? Email, GroupView? Group, DateTimeOffset CreatedAt)
{
    /// <summary>The global type name of grants.</summary>
    public const string TypeName = "LibraryShare";

    /// <summary>The global id: <c>LibraryShare:key</c>.</summary>
    public string Id => GlobalId.Encode(TypeName, Key);
}
