using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tags.Entities;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Sharing;

/// <summary>
/// Tags for the sharing tests, written to the database directly: the tag mutations are another part's (the lead
/// swaps these for them at the merge). The one place the sharing tests make, put on, take off and delete tags.
/// </summary>
public static class TestTags
{
    /// <summary>Makes a tag: <paramref name="ownerId"/>'s own, or a custom one (null); its global id.</summary>
    public static async Task<string> CreateAsync(RunningServer server, long? ownerId, string name)
    {
        await using var db = await DatabaseAsync(server);
        var tag = new Tag { OwnerId = ownerId, Name = name, NormalizedName = name.ToLowerInvariant(), CreatedAt = DateTime.UtcNow };
        db.Add(tag);
        await db.SaveChangesAsync();
        return GlobalId.Encode("Tag", tag.Id);
    }

    /// <summary>Puts the tag on the entry (both global ids).</summary>
    public static async Task TagAsync(RunningServer server, string entryId, string tagId)
    {
        await using var db = await DatabaseAsync(server);
        db.Add(new LibraryEntryTag { EntryId = Key(entryId, "LibraryEntry"), TagId = Key(tagId, "Tag") });
        await db.SaveChangesAsync();
    }

    /// <summary>Takes the tag off the entry.</summary>
    public static async Task UntagAsync(RunningServer server, string entryId, string tagId)
    {
        await using var db = await DatabaseAsync(server);
        db.Remove(new LibraryEntryTag { EntryId = Key(entryId, "LibraryEntry"), TagId = Key(tagId, "Tag") });
        await db.SaveChangesAsync();
    }

    /// <summary>Deletes the tag (as deleting it through the API does: its rows go with it by the database's cascades).</summary>
    public static async Task DeleteAsync(RunningServer server, string tagId)
    {
        await using var db = await DatabaseAsync(server);
        var tag = await db.Set<Tag>().FindAsync(Key(tagId, "Tag"));
        db.Remove(tag!);
        await db.SaveChangesAsync();
    }

    private static long Key(string id, string type) =>
        GlobalId.TryDecode(id, type, out var key) ? key : throw new ArgumentException($"'{id}' is no {type} id.", nameof(id));
}
