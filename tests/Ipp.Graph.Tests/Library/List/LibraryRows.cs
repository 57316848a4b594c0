using System.Text.Json;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tags;
using Ipp.Graph.Tags.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Library.List;

/// <summary>
/// The rows the files list reads, written straight into the server's database (entries as an upload records them,
/// tags, shares as the sharing mutations record them), and the <c>files</c> query the list tests send.
/// </summary>
public static class LibraryRows
{
    public const string Files =
        "query($where: LibraryEntryFilterInput, $order: [LibraryEntrySortInput!], $first: Int, $after: String, $last: Int, $before: String) { "
        + "files(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) { "
        + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id name kind size mine ownerEmail tags { id name kind } } } }";

    /// <summary>The global id of a tag no test makes.</summary>
    public static readonly string NoTag = GlobalId.Encode(TagService.TypeName, long.MaxValue);

    /// <summary>Records an entry of <paramref name="owner"/> (no bytes stored: the list reads rows only) carrying <paramref name="tags"/>.</summary>
    public static async Task<LibraryEntry> AddEntryAsync(
        RunningServer server, long owner, string name, LibraryEntryKind kind = LibraryEntryKind.File, long size = 1, DateTime? createdAt = null, params Tag[] tags)
    {
        var entry = new LibraryEntry
        {
            OwnerId = owner,
            Name = name,
            NormalizedName = LibraryNames.Normalize(name),
            Kind = kind,
            Size = size,
            FileCount = 1,
            CreatedAt = createdAt ?? DateTime.UtcNow,
            StoredBytes = size,
            Tags = [.. tags.Select(tag => new LibraryEntryTag { TagId = tag.Id })],
        };
        await using var db = await LibraryUploads.DatabaseAsync(server);
        db.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>Records a tag: <paramref name="owner"/>'s own, or a custom one.</summary>
    public static async Task<Tag> AddTagAsync(RunningServer server, long? owner, string name)
    {
        var tag = new Tag { OwnerId = owner, Name = name, NormalizedName = TagNames.Normalize(name), CreatedAt = DateTime.UtcNow };
        await using var db = await LibraryUploads.DatabaseAsync(server);
        db.Add(tag);
        await db.SaveChangesAsync();
        return tag;
    }

    /// <summary>Records a grant of <paramref name="owner"/>'s entry, or of their entries with a tag, to <paramref name="user"/>.</summary>
    public static async Task ShareAsync(RunningServer server, long owner, long user, LibraryEntry? entry = null, Tag? tag = null)
    {
        await using var db = await LibraryUploads.DatabaseAsync(server);
        db.Add(new LibraryShare { OwnerId = owner, EntryId = entry?.Id, TagId = tag?.Id, UserId = user, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public static string IdOf(LibraryEntry entry) => GlobalId.Encode(LibrarySchema.TypeName, entry.Id);

    public static string IdOf(Tag tag) => GlobalId.Encode(TagService.TypeName, tag.Id);

    /// <summary>The <c>files</c> connection <paramref name="user"/> gets with these arguments.</summary>
    public static async Task<JsonElement> FilesAsync(GraphQLHttp http, WriteUser user, object? where = null, object? order = null, int? first = null, string? after = null)
    {
        var response = await http.PostAsync(Files, new { where, order, first, after }, user.Token);
        return response.Data("files");
    }

    /// <summary>The names of the entries of <c>files</c> with these arguments, in its order.</summary>
    public static async Task<string[]> NamesAsync(GraphQLHttp http, WriteUser user, object? where = null, object? order = null) =>
        [.. (await FilesAsync(http, user, where, order)).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!)];
}
