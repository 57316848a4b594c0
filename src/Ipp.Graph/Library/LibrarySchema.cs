using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Download;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Entries;
using Ipp.Graph.Library.Live;
using Ipp.Graph.Library.Query;
using Ipp.Graph.Library.Sharing;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Tags;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library;

/// <summary>
/// The library's types of the contract: <c>LibraryEntry</c> is the <see cref="LibraryEntry"/> entity wherever the
/// contract returns one; <c>node(id:)</c> finds the entries the caller sees (<see cref="LibraryVisibility"/>).
/// The queries, mutations and subscription are bound by the parts of the feature that implement them.
/// </summary>
public static class LibrarySchema
{
    /// <summary>The type name in global ids: <c>LibraryEntry:&lt;id&gt;</c>.</summary>
    public const string TypeName = "LibraryEntry";

    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<LibraryEntry>(TypeName)
            .BindEnum<LibraryEntryKind>("LibraryEntryKind")
            .Resolve("LibraryEntry.id", context => new(GlobalId.Encode(TypeName, context.ParentAs<LibraryEntry>().Id)));
        nodes.Add(TypeName, FindAsync);
        UploadMutation.Bind(schema);
        LibraryEntryStoredSubscription.Bind(schema);

        // The files list, the entries' tags and owner, tags, rename, delete and tagging.
        FilesQueries.Bind(schema);
        EntryMutations.Bind(schema);
        TagsSchema.Bind(schema, nodes);

        // Downloads and sharing.
        LibraryFilesSchema.Bind(schema);
        SharingSchema.Bind(schema, nodes);
    }

    /// <summary>
    /// The entry with this id the caller sees, through the request's data loader (the entries of one response in one
    /// query); null otherwise.
    /// </summary>
    public static async ValueTask<object?> FindAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller)
        {
            return null;
        }

        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var policy = context.Service<AccessPolicy>();
        var loader = context.Request.DataLoader<long, LibraryEntry>("seenLibraryEntries", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var found = await LibraryVisibility.Seen(db, policy, caller, Permission.FilesRead).AsNoTracking()
                .Where(e => ids.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, cancellationToken);
            return (IReadOnlyDictionary<long, LibraryEntry>)found;
        });
        return await loader.LoadAsync(key);
    }
}
