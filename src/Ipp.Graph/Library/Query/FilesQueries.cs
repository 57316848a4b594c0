using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tags.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Query;

/// <summary>
/// <c>files</c>: the entries the caller sees (<see cref="LibraryVisibility.Seen"/>: their own and those shared with
/// them), filtered, sorted and paged in SQL (<see cref="FilesList"/>); and the fields of <c>LibraryEntry</c> that read
/// beyond its row: <c>tags</c> and <c>ownerEmail</c> (each through a data loader: one query for a whole page),
/// <c>mine</c>.
/// </summary>
public static class FilesQueries
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindConnection<LibraryEntry, LibraryEntry>("FilesConnection", "FilesEdge", entry => entry)
            .Resolve("Query.files", Files)
            .Resolve("LibraryEntry.tags", TagsAsync)
            .Resolve("LibraryEntry.mine", context => new(context.ParentAs<LibraryEntry>().OwnerId == context.RequireCaller().UserId))
            .Resolve("LibraryEntry.ownerEmail", OwnerEmailAsync);
    }

    private static ValueTask<object?> Files(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var policy = context.Service<AccessPolicy>();
        return new(FilesList.For(caller.UserId).Connect(context, db => LibraryVisibility.Seen(db, policy, caller, Permission.FilesRead).AsNoTracking()));
    }

    /// <summary>The entry's tags, by name; the entries of one response in one query.</summary>
    private static async ValueTask<object?> TagsAsync(ResolveContext context)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return await context.Request.DataLoader<long, Tag[]>("tagsOfLibraryEntry", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var rows = await db.Set<LibraryEntryTag>().AsNoTracking().TagWith("LibraryEntry.tags").Where(t => ids.Contains(t.EntryId))
                .Join(db.Set<Tag>().AsNoTracking(), entryTag => entryTag.TagId, tag => tag.Id, (entryTag, tag) => new { entryTag.EntryId, Tag = tag })
                .ToListAsync(cancellationToken);
            var byEntry = rows.OrderBy(row => row.Tag.NormalizedName, StringComparer.Ordinal).ThenBy(row => row.Tag.Id)
                .ToLookup(row => row.EntryId, row => row.Tag);
            return ids.Select(id => byEntry[id].ToArray()).ToArray();
        }).LoadAsync(context.ParentAs<LibraryEntry>().Id);
    }

    /// <summary>The email of the entry's owner; the owners of one response in one query.</summary>
    private static async ValueTask<object?> OwnerEmailAsync(ResolveContext context)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return await context.Request.DataLoader<long, string>("libraryEntryOwnerEmail", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var emails = await db.Users.AsNoTracking().TagWith("LibraryEntry.ownerEmail").Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
            return ids.Select(id => emails[id]).ToArray();
        }).LoadAsync(context.ParentAs<LibraryEntry>().OwnerId);
    }
}
