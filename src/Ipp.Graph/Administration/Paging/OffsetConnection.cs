using System.Globalization;
using System.Text;
using Ipp.Graph.Data;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Experiments.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Administration.Paging;

/// <summary>
/// One answer of an administration list (<c>users</c>, <c>auditLog</c>): HotChocolate's connection over a query with
/// its offset cursors (base64 of the row's index in the list), as HotChocolate pages a queryable. Nothing is queried
/// until a field asks: the page once, the count only for <c>totalCount</c> (or <c>last</c> without <c>before</c>).
/// The paging arguments are checked as HotChocolate checks them (HC0079, HC0051, HC0078).
/// </summary>
public sealed class OffsetConnection<T>
{
    /// <summary>The largest index a cursor may name: far beyond any list, and start plus a page stays an int.</summary>
    private const int MaxIndex = 1_000_000_000;

    private readonly IDbContextFactory<IppDbContext> _databases;
    private readonly Func<IppDbContext, IQueryable<T>> _query;
    private readonly Func<IQueryable<T>, IQueryable<T>> _order;
    private readonly int? _first;
    private readonly int? _last;
    private readonly int _start;
    private readonly int? _end;
    private readonly Lazy<Task<OffsetPage<T>>> _page;
    private readonly Lazy<Task<int>> _totalCount;

    private OffsetConnection(
        IDbContextFactory<IppDbContext> databases, Func<IppDbContext, IQueryable<T>> query, Func<IQueryable<T>, IQueryable<T>> order,
        int? first, int? last, int start, int? end, CancellationToken cancellationToken)
    {
        _databases = databases;
        _query = query;
        _order = order;
        _first = first;
        _last = last;
        _start = start;
        _end = end;
        _page = new(() => LoadPageAsync(cancellationToken));
        _totalCount = new(() => CountAsync(cancellationToken));
    }

    /// <summary>The connection a list field's paging arguments ask for, of the rows <paramref name="query"/> keeps in <paramref name="order"/>.</summary>
    public static OffsetConnection<T> From(ResolveContext context, Func<IppDbContext, IQueryable<T>> query, Func<IQueryable<T>, IQueryable<T>> order)
    {
        var options = context.Service<IOptions<AdministrationOptions>>().Value;
        var first = Checked(context.GetArgument<int?>("first"), options);
        var last = Checked(context.GetArgument<int?>("last"), options);
        var after = context.GetArgument<string?>("after") is { } a ? ReadCursor(a, "after") : (int?)null;
        var before = context.GetArgument<string?>("before") is { } b ? ReadCursor(b, "before") : (int?)null;
        if (first is null && last is null)
        {
            first = options.DefaultPageSize;
        }

        return new OffsetConnection<T>(
            context.Service<IDbContextFactory<IppDbContext>>(), query, order, first, last, after + 1 ?? 0, before, context.CancellationToken);
    }

    public Task<OffsetPage<T>> PageAsync() => _page.Value;

    public Task<int> TotalCountAsync() => _totalCount.Value;

    /// <summary>The cursor of the row at <paramref name="index"/>.</summary>
    public static string CursorOf(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));

    private async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        return await _query(db).CountAsync(cancellationToken);
    }

    private async Task<OffsetPage<T>> LoadPageAsync(CancellationToken cancellationToken)
    {
        // The rows [start, end): after and before bound them, first keeps the first ones, then last the last of those.
        var start = _start;
        var end = _end;
        if (_first is { } first)
        {
            end = Math.Min(end ?? int.MaxValue, start + first);
        }

        if (_last is { } last)
        {
            end ??= await TotalCountAsync();
            start = Math.Max(start, end.Value - last);
        }

        var size = Math.Max(0, end!.Value - start);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        // One row more than the page says whether one follows.
        var rows = await _order(_query(db)).Skip(start).Take(size + 1).ToListAsync(cancellationToken);
        var hasNextPage = rows.Count > size;
        if (hasNextPage)
        {
            rows.RemoveAt(size);
        }

        var edges = new OffsetEdge<T>[rows.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new OffsetEdge<T>(CursorOf(start + i), rows[i]);
        }

        var pageInfo = new PageInfo(hasNextPage, start > 0, edges.Length > 0 ? edges[0].Cursor : null, edges.Length > 0 ? edges[^1].Cursor : null);
        return new OffsetPage<T>(edges, pageInfo);
    }

    private static int? Checked(int? requested, AdministrationOptions options)
    {
        if (requested < 0)
        {
            throw new GraphQLError(
                "The requested number of values per page must be at least 0.",
                code: PagingErrorCodes.MinPaginationItems,
                extensions: new Dictionary<string, object?> { ["requestedItems"] = requested });
        }

        if (requested > options.MaxPageSize)
        {
            throw new GraphQLError(
                "The maximum allowed items per page were exceeded.",
                code: PagingErrorCodes.MaxPaginationItems,
                extensions: new Dictionary<string, object?> { ["requestedItems"] = requested, ["maxAllowedItems"] = options.MaxPageSize });
        }

        return requested;
    }

    /// <summary>The index a cursor names; HC0078 for a text no list of this kind made.</summary>
    private static int ReadCursor(string cursor, string argument)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (cursor.Length <= 24
            && Convert.TryFromBase64String(cursor, bytes, out var written)
            && int.TryParse(Encoding.UTF8.GetString(bytes[..written]), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < MaxIndex
            && CursorOf(index) == cursor)
        {
            return index;
        }

        throw new GraphQLError($"The cursor given as `{argument}` is not one of this list.", code: PagingErrorCodes.InvalidCursor);
    }
}

/// <summary>The rows of one page and where it is.</summary>
public sealed record OffsetPage<T>(IReadOnlyList<OffsetEdge<T>> Edges, PageInfo PageInfo)
{
    public T[] Nodes() => [.. Edges.Select(edge => edge.Node)];
}

/// <summary>An edge of an administration list (<c>UsersEdge</c>, <c>AuditEntriesEdge</c>).</summary>
public sealed record OffsetEdge<T>(string Cursor, T Node);
