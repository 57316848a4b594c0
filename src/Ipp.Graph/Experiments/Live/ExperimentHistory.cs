using Ipp.Graph.Data;
using Ipp.Graph.Data.Lists;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// <c>Experiment.events</c>: every change of the experiment's status, oldest first, as the
/// <c>ExperimentStatusChangedEvent</c>s the subscription delivers, in pages of the lists' shape
/// (<c>first/after/last/before</c>, checked by <see cref="ListPaging"/>). A cursor is the event's own
/// (<see cref="EventCursor"/>), so the last one read may be handed to <c>experimentStatusChanged(after:)</c>. The
/// pages of every experiment of a response that asks the same page are read in one query (a data loader per page
/// asked, the rows numbered per experiment in SQL), and their counts in another.
/// </summary>
public static class ExperimentHistory
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindConnection<ExperimentEvent, ExperimentEvent>("ExperimentEventsConnection", "ExperimentEventsEdge", change => change)
            .Resolve("Experiment.events", EventsOf);

    /// <summary>Registers the page sizes (section <c>Experiments:Events</c>).</summary>
    public static IServiceCollection AddExperimentHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ExperimentEventsPagingOptions>(configuration.GetSection(ExperimentEventsPagingOptions.Section), options => options.Validate());
        return services;
    }

    private static ValueTask<object?> EventsOf(ResolveContext context)
    {
        var paging = ListPaging.From(
            context.GetArgument<int?>("first"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("after"),
            context.GetArgument<string?>("before"),
            ListPageSizes.Of<ExperimentEventsPagingOptions>(context));
        var after = paging.After is null ? (long?)null : ReadCursor(paging.After, "after");
        var before = paging.Before is null ? (long?)null : ReadCursor(paging.Before, "before");
        var databases = context.Service<IDbContextFactory<IppDbContext>>();
        var experimentId = context.ParentAs<Experiment>().Id;
        var pages = context.Request.DataLoader<long, ListPage<ExperimentEvent>>(
            $"experimentEvents:{paging.First}:{paging.Last}:{after}:{before}",
            (ids, cancellationToken) => LoadPagesAsync(databases, ids, paging, after, before, cancellationToken));
        var counts = context.Request.DataLoader<long, int>("experimentEventCounts", (ids, cancellationToken) => CountAsync(databases, ids, cancellationToken));
        return new(new LoadedListConnection<ExperimentEvent>(
            () => pages.LoadAsync(experimentId).AsTask(),
            () => counts.LoadAsync(experimentId).AsTask()));
    }

    private static long ReadCursor(string cursor, string argument) =>
        EventCursor.TryDecode(cursor, out var eventId) ? eventId : throw ListPaging.InvalidCursor(cursor, argument);

    /// <summary>
    /// The page of each experiment: its events beyond the cursors, up to one more than asked (which says whether
    /// there is another page), oldest first for <c>first</c>, newest first for <c>last</c>; one query for them all.
    /// </summary>
    private static async ValueTask<IReadOnlyList<ListPage<ExperimentEvent>>> LoadPagesAsync(
        IDbContextFactory<IppDbContext> databases,
        IReadOnlyList<long> ids,
        ListPaging paging,
        long? after,
        long? before,
        CancellationToken cancellationToken)
    {
        var experiments = ids.ToArray();
        var (afterId, beforeId) = (after ?? long.MinValue, before ?? long.MaxValue);
        var forward = paging.First is not null;
        var take = (paging.First ?? paging.Last!.Value) + 1;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Per experiment, its first (or last) rows: the database numbers each experiment's rows (ROW_NUMBER() OVER
        // (PARTITION BY experiment_id ...)) and keeps the first few of each, in one query. The experiments are named
        // inside too, so only their rows are numbered (the join alone would number every event of the table).
        var beyond = db.ExperimentEvents.AsNoTracking().Where(e => experiments.Contains(e.ExperimentId) && e.Id > afterId && e.Id < beforeId);
        var pages = db.Experiments.TagWith("experimentEvents: page").Where(x => experiments.Contains(x.Id));
        var rows = forward
            ? await pages.SelectMany(x => beyond.Where(e => e.ExperimentId == x.Id).OrderBy(e => e.Id).Take(take)).ToListAsync(cancellationToken)
            : await pages.SelectMany(x => beyond.Where(e => e.ExperimentId == x.Id).OrderByDescending(e => e.Id).Take(take)).ToListAsync(cancellationToken);
        var byExperiment = rows.ToLookup(e => e.ExperimentId);
        return experiments
            .Select(id =>
            {
                var own = forward ? byExperiment[id].OrderBy(e => e.Id) : byExperiment[id].OrderByDescending(e => e.Id);
                return ListPage<ExperimentEvent>.Cut([.. own], paging, change => EventCursor.Encode(change.Id));
            })
            .ToArray();
    }

    /// <summary>The number of events of each experiment, whatever the cursors; one query for them all.</summary>
    private static async ValueTask<IReadOnlyList<int>> CountAsync(IDbContextFactory<IppDbContext> databases, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var experiments = ids.ToArray();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var counts = await db.ExperimentEvents.TagWith("experimentEvents: totalCount")
            .Where(e => experiments.Contains(e.ExperimentId))
            .GroupBy(e => e.ExperimentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return experiments.Select(id => counts.GetValueOrDefault(id)).ToArray();
    }
}
