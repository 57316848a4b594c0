using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Sharing.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Sharing;

/// <summary>
/// Sharing in the contract: <c>shareEntry</c>, <c>shareTag</c>, <c>revokeShare</c> (<see cref="LibrarySharing"/>),
/// <c>libraryShares</c> (the caller's grants, newest first, in pages), <c>LibraryEntry.shares</c> (the grants that
/// reach one entry, for its owner alone) and <c>node(id:)</c> of a grant (its owner's alone). A grantee never sees a
/// grant: only the entries it lets them reach.
/// </summary>
public static class SharingSchema
{
    private static readonly ListDefinition<LibraryShareRow> Shares = new()
    {
        Name = "libraryShares",
        Filters = new Dictionary<string, ListFilterField<LibraryShareRow>>(StringComparer.Ordinal),
        SortKeys = [ListSortKey<LibraryShareRow>.Instant("createdAt", share => share.CreatedAt)],
        Id = share => share.Id,
        DefaultOrder = ("createdAt", true),
        PageSizes = ListPageSizes.Of<LibrarySharingOptions>,
    };

    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<LibraryShareView>(LibraryShareView.TypeName)
            .BindInput<ShareEntryInput>("ShareEntryInput")
            .BindInput<ShareTagInput>("ShareTagInput")
            .BindInput<LibraryGranteeInput>("LibraryGranteeInput")
            .BindInput<RevokeShareInput>("RevokeShareInput")
            .BindType<SharePayload>("ShareEntryPayload")
            .BindType<SharePayload>("ShareTagPayload")
            .BindType<RevokeSharePayload>("RevokeSharePayload")
            .BindType<ShareUserNotFoundError>("ShareUserNotFoundError")
            .BindType<ShareGroupNotFoundError>("ShareGroupNotFoundError")
            .BindType<AlreadySharedError>("AlreadySharedError")
            .BindType<CannotShareWithSelfError>("CannotShareWithSelfError")
            .BindType<ShareNotFoundError>("ShareNotFoundError")
            .BindConnection<LibraryShareRow, LibraryShareView>("LibrarySharesConnection", "LibrarySharesEdge", row => row.View())
            .Resolve("LibraryShare.entry", EntryOf)
            .Resolve("LibraryEntry.shares", SharesOfEntryAsync)
            .Resolve("Query.libraryShares", context =>
            {
                var userId = context.RequireCaller().UserId;
                return new(Shares.Connect(context, db => LibraryShareRow.Of(db, db.Set<LibraryShare>().Where(s => s.OwnerId == userId)).AsNoTracking()));
            })
            .ResolveMutation("shareEntry", async context =>
            {
                var input = context.Input<ShareEntryInput>();
                return new SharePayload { Share = await Sharing(context).ShareEntryAsync(context.RequireCaller(), input.EntryId, input.Grantee, context.CancellationToken) };
            })
            .ResolveMutation("shareTag", async context =>
            {
                var input = context.Input<ShareTagInput>();
                return new SharePayload { Share = await Sharing(context).ShareTagAsync(context.RequireCaller(), input.TagId, input.Grantee, context.CancellationToken) };
            })
            .ResolveMutation("revokeShare", async context =>
            {
                var id = context.Input<RevokeShareInput>().Id;
                var revoked = await Sharing(context).RevokeAsync(context.RequireCaller(), id, context.CancellationToken);
                return new RevokeSharePayload { RevokedId = GlobalId.Encode(LibraryShareView.TypeName, revoked) };
            });
        nodes.Add(LibraryShareView.TypeName, FindAsync);
    }

    /// <summary>Registers sharing's settings and service.</summary>
    public static IServiceCollection AddLibrarySharing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<LibrarySharingOptions>(configuration.GetSection(LibrarySharingOptions.Section), options => options.Validate());
        services.AddSingleton<LibrarySharing>();
        return services;
    }

    private static LibrarySharing Sharing(ResolveContext context) => context.Service<LibrarySharing>();

    private static ValueTask<object?> EntryOf(ResolveContext context) =>
        context.ParentAs<LibraryShareView>().EntryId is { } id ? LibrarySchema.FindAsync(id, context) : new((object?)null);

    /// <summary>
    /// The grants reaching the entry: of the entry itself, and of the tags it carries; for its owner alone (null for
    /// anyone else). The entries of one response are loaded together (<see cref="SharesOfEntries"/>).
    /// </summary>
    private static async ValueTask<object?> SharesOfEntryAsync(ResolveContext context)
    {
        var entry = context.ParentAs<LibraryEntry>();
        if (context.LiveCaller() is not { } caller || caller.UserId != entry.OwnerId)
        {
            return null;
        }

        return await SharesOfEntries(context, caller.UserId).LoadAsync(entry.Id);
    }

    /// <summary>
    /// The grants of the caller's entries of one response, newest first, in two queries: the entries' tags, then
    /// every grant of those entries or tags.
    /// </summary>
    private static Engine.Execution.DataLoader.DataLoader<long, LibraryShareView[]> SharesOfEntries(ResolveContext context, long ownerId)
    {
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        return context.Request.DataLoader<long, LibraryShareView[]>("sharesOfLibraryEntries", async (keys, cancellationToken) =>
        {
            var ids = keys.ToArray();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var tagged = await db.Set<LibraryEntryTag>().AsNoTracking().Where(t => ids.Contains(t.EntryId)).ToListAsync(cancellationToken);
            var tagIds = tagged.Select(t => t.TagId).Distinct().ToArray();
            var shares = db.Set<LibraryShare>().Where(s =>
                s.OwnerId == ownerId && ((s.EntryId != null && ids.Contains(s.EntryId.Value)) || (s.TagId != null && tagIds.Contains(s.TagId.Value))));
            var rows = await LibraryShareRow.Of(db, shares).AsNoTracking()
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken);
            var tagsOf = tagged.ToLookup(t => t.EntryId, t => t.TagId);
            return ids.Select(id => rows
                .Where(row => row.EntryId == id || (row.TagId is { } tag && tagsOf[id].Contains(tag)))
                .Select(row => row.View())
                .ToArray()).ToArray();
        });
    }

    /// <summary>The caller's own grant with this id; null for anyone else's.</summary>
    private static async ValueTask<object?> FindAsync(long key, ResolveContext context)
    {
        if (context.LiveCaller() is not { } caller || !context.Service<AccessPolicy>().Holds(caller, Permission.FilesRead))
        {
            return null;
        }

        var userId = caller.UserId;
        await using var db = await context.Service<IDbContextFactory<IppDbContext>>().CreateDbContextAsync(context.CancellationToken);
        var row = await LibraryShareRow.Of(db, db.Set<LibraryShare>().Where(s => s.Id == key && s.OwnerId == userId)).AsNoTracking().FirstOrDefaultAsync(context.CancellationToken);
        return row?.View();
    }
}

/// <summary>The <c>ShareEntryInput</c> input type.</summary>
public sealed record ShareEntryInput(string EntryId, LibraryGranteeInput Grantee);

/// <summary>The <c>ShareTagInput</c> input type.</summary>
public sealed record ShareTagInput(string TagId, LibraryGranteeInput Grantee);

/// <summary>The <c>RevokeShareInput</c> input type.</summary>
public sealed record RevokeShareInput(string Id);

/// <summary>The <c>ShareEntryPayload</c> and <c>ShareTagPayload</c> types: the new grant, or the errors.</summary>
public sealed class SharePayload : MutationPayload
{
    public LibraryShareView? Share { get; init; }
}

/// <summary>The <c>RevokeSharePayload</c> type: the id of the grant that ended, or the errors.</summary>
public sealed class RevokeSharePayload : MutationPayload
{
    public string? RevokedId { get; init; }
}
