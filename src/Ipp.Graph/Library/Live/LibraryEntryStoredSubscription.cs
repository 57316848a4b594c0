using System.Runtime.CompilerServices;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Live;

/// <summary>
/// <c>libraryEntryStored</c>: each entry of the subscriber's own library once its upload is recorded. Unlike
/// TrainMate's status stream, whose URL named the user to watch, it takes no argument: the subscriber is the owner.
/// </summary>
public static class LibraryEntryStoredSubscription
{
    public static void Bind(SchemaBuilder schema) => schema.Subscribe("Subscription.libraryEntryStored", Subscribe);

    private static ValueTask<IAsyncEnumerable<object?>> Subscribe(ResolveContext context)
    {
        var caller = context.RequireCaller();
        return new(Stream(
            caller,
            context.Service<StoredEntryHub>(),
            context.Service<AccountService>(),
            context.Service<AccessPolicy>(),
            context.Service<IDbContextFactory<IppDbContext>>(),
            CancellationToken.None));
    }

    /// <summary>
    /// The subscriber's stored entries as they come, each read as the subscriber reaches it now: one who lost
    /// <c>files:read</c> since subscribing, or whose entry was deleted meanwhile, receives nothing of it.
    /// </summary>
    private static async IAsyncEnumerable<object?> Stream(
        SignedInCaller subscriber,
        StoredEntryHub hub,
        AccountService accounts,
        AccessPolicy policy,
        IDbContextFactory<IppDbContext> databases,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var live = hub.Subscribe(subscriber.UserId);
        // Unsubscribing completes the channel, which ends the loop without an exception (as accountPending's does).
        using var stop = cancellationToken.Register(static live => ((StoredEntryHub.Subscription)live!).Events.Writer.TryComplete(), live);
        while (await live.Events.Reader.WaitToReadAsync())
        {
            while (live.Events.Reader.TryRead(out var stored))
            {
                if (!accounts.IsLive(subscriber))
                {
                    continue;
                }

                await using var db = await databases.CreateDbContextAsync();
                var entry = await LibraryVisibility.Owned(db, policy, accounts.Current(subscriber), Permission.FilesRead).AsNoTracking()
                    .FirstOrDefaultAsync(e => e.Id == stored.EntryId);
                if (entry is not null)
                {
                    yield return entry;
                }
            }
        }
    }
}
