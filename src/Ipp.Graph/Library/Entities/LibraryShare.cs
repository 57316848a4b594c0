namespace Ipp.Graph.Library.Entities;

/// <summary>
/// A grant of an owner's entries to others (table <c>library_shares</c>): one entry (<see cref="EntryId"/>) or every
/// entry of the owner carrying a tag (<see cref="TagId"/>), to one user (<see cref="UserId"/>) or to the members of a
/// group (<see cref="GroupId"/>). Exactly one of each pair is set. The grantees may see those entries, and download
/// them when their role allows.
/// </summary>
public sealed class LibraryShare
{
    public long Id { get; set; }

    /// <summary>The user who shares: the owner of the entries it covers.</summary>
    public long OwnerId { get; set; }

    /// <summary>The one entry shared, or null when a tag is.</summary>
    public long? EntryId { get; set; }

    /// <summary>The tag whose owner's entries are shared, or null when one entry is.</summary>
    public long? TagId { get; set; }

    /// <summary>The user it is shared with, or null when a group is.</summary>
    public long? UserId { get; set; }

    /// <summary>The group whose members it is shared with, or null when a user is.</summary>
    public long? GroupId { get; set; }

    /// <summary>When it was granted (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
