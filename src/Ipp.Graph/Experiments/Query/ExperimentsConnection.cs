using System.Linq.Expressions;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Query;

/// <summary>
/// One answer of <c>experiments</c> (the <c>ExperimentsConnection</c> type). Nothing is queried until a field asks:
/// the page (for <c>edges</c>, <c>nodes</c> and <c>pageInfo</c>) once, the count only when <c>totalCount</c> is
/// selected. Every query is of the experiments the caller may read (<see cref="ExperimentAccess"/>).
/// </summary>
internal sealed class ExperimentsConnection
{
    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly Func<IppDbContext, IQueryable<Experiment>> _readable;
    private readonly Expression<Func<Experiment, bool>>? _filter;
    private readonly ExperimentOrder _order;
    private readonly ExperimentsPaging _paging;
    private readonly object[]? _after;
    private readonly object[]? _before;
    private readonly Lazy<Task<ExperimentsPage>> _page;
    private readonly Lazy<Task<int>> _totalCount;

    public ExperimentsConnection(
        IDbContextFactory<IppDbContext> databases,
        Func<IppDbContext, IQueryable<Experiment>> readable,
        Expression<Func<Experiment, bool>>? filter,
        ExperimentOrder order,
        ExperimentsPaging paging,
        CancellationToken cancellationToken)
    {
        _databases = databases;
        _readable = readable;
        _filter = filter;
        _order = order;
        _paging = paging;
        _after = paging.After is null ? null : order.ReadCursor(paging.After, "after");
        _before = paging.Before is null ? null : order.ReadCursor(paging.Before, "before");
        _page = new(() => LoadPageAsync(cancellationToken));
        _totalCount = new(() => CountAsync(cancellationToken));
    }

    public Task<ExperimentsPage> PageAsync() => _page.Value;

    public Task<int> TotalCountAsync() => _totalCount.Value;

    /// <summary>The tag (an SQL comment) of the page's query, and of the count's.</summary>
    public const string PageTag = "experiments: page";

    public const string TotalCountTag = "experiments: totalCount";

    private IQueryable<Experiment> Visible(IppDbContext db)
    {
        var query = _readable(db);
        return _filter is null ? query : query.Where(_filter);
    }

    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        return await Visible(db).TagWith(TotalCountTag).CountAsync(cancellationToken);
    }

    private async Task<ExperimentsPage> LoadPageAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var query = Visible(db).TagWith(PageTag);
        if (_after is not null)
        {
            query = query.Where(_order.Beyond(_after, after: true));
        }

        if (_before is not null)
        {
            query = query.Where(_order.Beyond(_before, after: false));
        }

        bool hasNextPage, hasPreviousPage;
        List<Experiment> rows;
        if (_paging.First is { } first)
        {
            // One row more than asked says whether there is a next page.
            rows = await _order.Apply(query, reverse: false).Take(first + 1).ToListAsync(cancellationToken);
            hasNextPage = rows.Count > first;
            if (hasNextPage)
            {
                rows.RemoveRange(first, rows.Count - first);
            }

            hasPreviousPage = _after is not null;
            if (_paging.Last is { } last)
            {
                // first and last together (Relay's algorithm): the last rows of what first kept, at most MaxPageSize.
                hasPreviousPage = rows.Count > last;
                if (hasPreviousPage)
                {
                    rows.RemoveRange(0, rows.Count - last);
                }
            }
        }
        else
        {
            var last = _paging.Last!.Value;
            rows = await _order.Apply(query, reverse: true).Take(last + 1).ToListAsync(cancellationToken);
            hasPreviousPage = rows.Count > last;
            if (hasPreviousPage)
            {
                rows.RemoveRange(last, rows.Count - last);
            }

            rows.Reverse();
            hasNextPage = _before is not null;
        }

        var edges = new ExperimentsEdge[rows.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new ExperimentsEdge(_order.CursorOf(rows[i]), rows[i]);
        }

        var pageInfo = new PageInfo(
            hasNextPage,
            hasPreviousPage,
            edges.Length > 0 ? edges[0].Cursor : null,
            edges.Length > 0 ? edges[^1].Cursor : null);
        return new ExperimentsPage(edges, pageInfo);
    }
}

/// <summary>The rows of one page and where it is.</summary>
internal sealed record ExperimentsPage(IReadOnlyList<ExperimentsEdge> Edges, PageInfo PageInfo);

/// <summary>The <c>ExperimentsEdge</c> type.</summary>
public sealed record ExperimentsEdge(string Cursor, Experiment Node);

/// <summary>The <c>PageInfo</c> type.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
