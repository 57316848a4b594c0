using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data.Lists;

/// <summary>
/// One answer of a list (its <c>…Connection</c> type). Nothing is queried until a field asks: the page (for
/// <c>edges</c>, <c>nodes</c> and <c>pageInfo</c>) once, in one SQL query, the count only when <c>totalCount</c> is
/// selected. Both queries carry a tag (an SQL comment) naming the list.
/// </summary>
internal sealed class ListConnection<T> : IListConnection<T>
    where T : class
{
    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly Func<IppDbContext, IQueryable<T>> _rows;
    private readonly string _list;
    private readonly ListOrder<T> _order;
    private readonly ListPaging _paging;
    private readonly object[]? _after;
    private readonly object[]? _before;
    private readonly Lazy<Task<ListPage<T>>> _page;
    private readonly Lazy<Task<int>> _totalCount;

    /// <param name="rows">The rows of the list that the filter keeps, in no order.</param>
    public ListConnection(
        IDbContextFactory<IppDbContext> databases,
        string list,
        Func<IppDbContext, IQueryable<T>> rows,
        ListOrder<T> order,
        ListPaging paging,
        CancellationToken cancellationToken)
    {
        _databases = databases;
        _list = list;
        _rows = rows;
        _order = order;
        _paging = paging;
        _after = paging.After is null ? null : order.ReadCursor(paging.After, "after");
        _before = paging.Before is null ? null : order.ReadCursor(paging.Before, "before");
        _page = new(() => LoadPageAsync(cancellationToken));
        _totalCount = new(() => CountAsync(cancellationToken));
    }

    public Task<ListPage<T>> PageAsync() => _page.Value;

    public Task<int> TotalCountAsync() => _totalCount.Value;

    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        return await _rows(db).TagWith($"{_list}: totalCount").CountAsync(cancellationToken);
    }

    private async Task<ListPage<T>> LoadPageAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var query = _rows(db).TagWith($"{_list}: page");
        if (_after is not null)
        {
            query = query.Where(_order.Beyond(_after, after: true));
        }

        if (_before is not null)
        {
            query = query.Where(_order.Beyond(_before, after: false));
        }

        // One row more than asked says whether there is another page that way.
        var rows = _paging.First is { } first
            ? await _order.Apply(query, reverse: false).Take(first + 1).ToListAsync(cancellationToken)
            : await _order.Apply(query, reverse: true).Take(_paging.Last!.Value + 1).ToListAsync(cancellationToken);
        return ListPage<T>.Cut(rows, _paging, _order.CursorOf);
    }
}

/// <summary>The rows of one page and where it is.</summary>
internal sealed record ListPage<T>(IReadOnlyList<ListEdge<T>> Edges, PageInfo PageInfo)
{
    /// <summary>
    /// The page <paramref name="paging"/> asks for, of <paramref name="rows"/> read after its cursors with one row more
    /// than asked: in the list's order up to <c>first</c> + 1 when <c>first</c> is given, else in the reverse order up
    /// to <c>last</c> + 1. The extra row says whether there is a next (or previous) page; it is not shown.
    /// </summary>
    public static ListPage<T> Cut(List<T> rows, ListPaging paging, Func<T, string> cursorOf)
    {
        bool hasNextPage, hasPreviousPage;
        if (paging.First is { } first)
        {
            hasNextPage = rows.Count > first;
            if (hasNextPage)
            {
                rows.RemoveRange(first, rows.Count - first);
            }

            hasPreviousPage = paging.After is not null;
            if (paging.Last is { } last)
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
            var last = paging.Last!.Value;
            hasPreviousPage = rows.Count > last;
            if (hasPreviousPage)
            {
                rows.RemoveRange(last, rows.Count - last);
            }

            rows.Reverse();
            hasNextPage = paging.Before is not null;
        }

        var edges = new ListEdge<T>[rows.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new ListEdge<T>(cursorOf(rows[i]), rows[i]);
        }

        var pageInfo = new PageInfo(
            hasNextPage,
            hasPreviousPage,
            edges.Length > 0 ? edges[0].Cursor : null,
            edges.Length > 0 ? edges[^1].Cursor : null);
        return new ListPage<T>(edges, pageInfo);
    }
}

/// <summary>An edge of a list (<c>ExperimentsEdge</c>, <c>UsersEdge</c>, ...).</summary>
public sealed record ListEdge<T>(string Cursor, T Node);

/// <summary>The <c>PageInfo</c> type.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
