using System.Runtime.CompilerServices;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// <c>Subscription.experimentStatusChanged(id, after)</c> and its <c>ExperimentStatusChangedEvent</c>, which is the
/// <see cref="ExperimentEvent"/> row: the events after the cursor <c>after</c> are read from the table first, then
/// the live ones follow from the <see cref="ExperimentEventHub"/>.
/// </summary>
public static class ExperimentStatusSubscription
{
    /// <summary>Events read from the table per query while replaying.</summary>
    private const int ReplayPageSize = 500;

    /// <summary>
    /// The experiment each published event shows, loaded once for all the subscribers that receive that event
    /// (the hub hands them the same instance).
    /// </summary>
    private static readonly ConditionalWeakTable<ExperimentEvent, Task<Experiment?>> s_experiments = new();

    public static void Bind(SchemaBuilder schema)
    {
        schema
            .Subscribe("Subscription.experimentStatusChanged", SubscribeAsync)
            .Resolve("ExperimentStatusChangedEvent.cursor", context => new(EventCursor.Encode(context.ParentAs<ExperimentEvent>().Id)))
            .Resolve("ExperimentStatusChangedEvent.experimentId", context => new(GlobalId.Encode(ExperimentsSchema.TypeName, context.ParentAs<ExperimentEvent>().ExperimentId)))
            .Resolve("ExperimentStatusChangedEvent.experiment", ExperimentAsync)
            .Resolve("ExperimentStatusChangedEvent.status", context => new(context.ParentAs<ExperimentEvent>().Status))
            .Resolve("ExperimentStatusChangedEvent.previousStatus", context => new(context.ParentAs<ExperimentEvent>().PreviousStatus))
            .Resolve("ExperimentStatusChangedEvent.changedAt", context => new(context.ParentAs<ExperimentEvent>().OccurredAt))
            .Resolve("ExperimentStatusChangedEvent.reason", context => new(context.ParentAs<ExperimentEvent>().Reason));
    }

    private static async ValueTask<IAsyncEnumerable<object?>> SubscribeAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        // Without an id, the caller's own experiments; with one, that experiment's owner's events, of that experiment.
        var ownerId = caller.UserId;
        long? experimentId = null;
        if (context.GetArgument<string?>("id") is { } id)
        {
            if (!GlobalId.TryDecode(id, ExperimentsSchema.TypeName, out var key)
                || await context.Service<ExperimentAccess>().FindAsync(key, caller, Permission.ExperimentsRead, context.CancellationToken) is not { } experiment)
            {
                throw new GraphQLError("No experiment of yours has this id.", code: ExperimentsErrorCodes.ExperimentNotFound);
            }

            ownerId = experiment.UserId;
            experimentId = key;
        }

        long? after = null;
        if (context.GetArgument<string?>("after") is { } cursor)
        {
            after = EventCursor.TryDecode(cursor, out var eventId)
                ? eventId
                : throw new GraphQLError("`after` is not the cursor of an experiment status event.", code: ErrorCodes.BadUserInput);
        }

        return Stream(ownerId, experimentId, after, context.Service<ExperimentEventHub>(), databases, CancellationToken.None);
    }

    /// <summary>
    /// The replay, then the live events. The hub subscription starts before the replay is read, so an event
    /// committed in between arrives both ways: the live copy of anything up to the last replayed id is dropped. This
    /// holds because a user's events commit in the order of their ids (<see cref="UserTransactions"/>) and are
    /// announced in commit order. When the hub says events may have gone by unannounced, the stream reads them from
    /// the table after the last one it saw, the same way.
    /// </summary>
    private static async IAsyncEnumerable<object?> Stream(
        long userId,
        long? experimentId,
        long? after,
        ExperimentEventHub hub,
        IDbContextFactory<IppDbContext> databases,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var live = hub.Subscribe(userId);
        // Live events up to this id were replayed already; a catch-up reads after the last id seen either way.
        var replayedUpTo = 0L;
        // Not cancelled with the stream: a client gone at once would make this one short read throw (as a source's
        // waits must not: see the unsubscription below).
        var seenUpTo = after ?? await LatestIdAsync(databases, userId, CancellationToken.None);
        var replay = after is not null;
        // Unsubscribing completes the channel, which ends the loop below as any end of events does: waiting with the
        // token instead would throw at every frame of the stack it unwinds, for every subscriber that leaves.
        using var stop = cancellationToken.Register(static live => ((ExperimentEventHub.Subscription)live!).Events.Writer.TryComplete(), live);
        while (true)
        {
            if (replay)
            {
                while (true)
                {
                    var page = await ReadAfterAsync(databases, userId, experimentId, seenUpTo, cancellationToken);
                    foreach (var change in page)
                    {
                        seenUpTo = change.Id;
                        yield return change;
                    }

                    if (page.Count < ReplayPageSize)
                    {
                        break;
                    }
                }

                replayedUpTo = seenUpTo;
                replay = false;
            }

            if (!await live.Events.Reader.WaitToReadAsync())
            {
                yield break;
            }

            while (!replay && live.Events.Reader.TryRead(out var change))
            {
                if (ReferenceEquals(change, ExperimentEventHub.CatchUpMarker))
                {
                    replay = true;
                }
                else if (change.Id > replayedUpTo)
                {
                    seenUpTo = Math.Max(seenUpTo, change.Id);
                    if (experimentId is not { } only || change.ExperimentId == only)
                    {
                        yield return change;
                    }
                }
            }
        }
    }

    /// <summary>The id of the user's latest event (0 when none): where a catch-up starts if nothing was seen since.</summary>
    private static async Task<long> LatestIdAsync(IDbContextFactory<IppDbContext> databases, long userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ExperimentEvents.Where(e => e.UserId == userId).MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    private static async Task<List<ExperimentEvent>> ReadAfterAsync(
        IDbContextFactory<IppDbContext> databases, long userId, long? experimentId, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var events = db.ExperimentEvents.AsNoTracking().Where(e => e.UserId == userId && e.Id > afterId);
        if (experimentId is { } only)
        {
            events = events.Where(e => e.ExperimentId == only);
        }

        return await events.OrderBy(e => e.Id).Take(ReplayPageSize).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The experiment as it is now; null when it was deleted since (or the caller's session ended, or the policy no
    /// longer lets them read it).
    /// </summary>
    private static async ValueTask<object?> ExperimentAsync(ResolveContext context)
    {
        var change = context.ParentAs<ExperimentEvent>();
        if (context.LiveCaller() is not { } caller || !context.Service<AccessPolicy>().Allows(caller, Permission.ExperimentsRead, change.UserId))
        {
            return null;
        }

        // Every subscriber given this event may read its experiment (just checked), so the one loaded serves them all.
        var access = context.Service<ExperimentAccess>();
        var load = s_experiments.GetValue(change, _ => access.FindAsync(change.ExperimentId, caller, Permission.ExperimentsRead, CancellationToken.None).AsTask());
        return await load;
    }
}
