using Ipp.Graph.Data;
using Ipp.Graph.Groups;
using Ipp.Graph.Groups.Entities;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tags.Entities;

namespace Ipp.Graph.Library.Sharing;

/// <summary>A grant with what its owner is shown of it, selected in one SQL query with its tag, grantee's email and group.</summary>
public sealed class LibraryShareRow
{
    public long Id { get; init; }

    public long? EntryId { get; init; }

    public long? TagId { get; init; }

    public string? TagName { get; init; }

    public long? TagOwnerId { get; init; }

    public DateTime? TagCreatedAt { get; init; }

    public string? Email { get; init; }

    public long? GroupId { get; init; }

    public string? GroupName { get; init; }

    public DateTime? GroupCreatedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The selection of <paramref name="shares"/> as rows.</summary>
    public static IQueryable<LibraryShareRow> Of(IppDbContext db, IQueryable<LibraryShare> shares) =>
        shares.Select(s => new LibraryShareRow
        {
            Id = s.Id,
            EntryId = s.EntryId,
            TagId = s.TagId,
            TagName = db.Set<Tag>().Where(t => t.Id == s.TagId).Select(t => t.Name).FirstOrDefault(),
            TagOwnerId = db.Set<Tag>().Where(t => t.Id == s.TagId).Select(t => t.OwnerId).FirstOrDefault(),
            TagCreatedAt = db.Set<Tag>().Where(t => t.Id == s.TagId).Select(t => (DateTime?)t.CreatedAt).FirstOrDefault(),
            Email = db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).FirstOrDefault(),
            GroupId = s.GroupId,
            GroupName = db.Set<Group>().Where(g => g.Id == s.GroupId).Select(g => g.Name).FirstOrDefault(),
            GroupCreatedAt = db.Set<Group>().Where(g => g.Id == s.GroupId).Select(g => (DateTime?)g.CreatedAt).FirstOrDefault(),
            CreatedAt = s.CreatedAt,
        });

    /// <summary>The row as the API shows it (its tag as the <c>Tag</c> type shows one: the compared name is not shown).</summary>
    public LibraryShareView View() => new(
        Id,
        EntryId,
        TagId is { } tag ? new Tag { Id = tag, OwnerId = TagOwnerId, Name = TagName!, NormalizedName = "", CreatedAt = TagCreatedAt!.Value } : null,
        Email,
        GroupId is { } group ? new GroupView(group, GroupName!, Utc(GroupCreatedAt!.Value)) : null,
        Utc(CreatedAt));

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
