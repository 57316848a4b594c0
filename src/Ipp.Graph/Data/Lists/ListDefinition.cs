using System.Linq.Expressions;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Data.Lists;

/// <summary>
/// A list field (HotChocolate's <c>where</c>/<c>order</c>/<c>first/after/last/before</c> shapes) declared as data:
/// which filter fields it has and how each compares (<see cref="ListFilter{T}"/>), which sort keys, the id that ends
/// every order, the default order and its page sizes. <see cref="Connect"/> turns a field's arguments into a
/// <see cref="ListConnection{T}"/>: one SQL query per page with keyset cursors.
/// </summary>
internal sealed class ListDefinition<T>
    where T : class
{
    /// <summary>The list's name: in its cursors (a cursor of another list is refused) and in its queries' SQL tags.</summary>
    public required string Name { get; init; }

    /// <summary>The fields of the list's filter input, by name.</summary>
    public required IReadOnlyDictionary<string, ListFilterField<T>> Filters { get; init; }

    /// <summary>The fields of the list's sort input (each key's <see cref="ListSortKey{T}.Name"/>).</summary>
    public required IReadOnlyList<ListSortKey<T>> SortKeys { get; init; }

    /// <summary>The row's id: the last key of every order, so that rows never tie and pages are stable.</summary>
    public required Expression<Func<T, long>> Id { get; init; }

    /// <summary>The sort key of <see cref="Id"/>.</summary>
    public ListSortKey<T> IdKey => _idKey ??= ListSortKey<T>.Number("id", Id);

    private ListSortKey<T>? _idKey;

    /// <summary>The order without <c>order</c>: the name of a key of <see cref="SortKeys"/> and its direction.</summary>
    public required (string Field, bool Descending) DefaultOrder { get; init; }

    /// <summary>The page sizes, read from the list's settings.</summary>
    public required Func<ResolveContext, ListPageSizes> PageSizes { get; init; }

    /// <summary>
    /// Fits a filter to the query's database, for conditions that read another table through it; none by default.
    /// </summary>
    public Func<Expression<Func<T, bool>>, IppDbContext, Expression<Func<T, bool>>>? BindFilter { get; init; }

    /// <summary>The connection the field's arguments ask for, of the rows <paramref name="source"/> gives.</summary>
    public ListConnection<T> Connect(ResolveContext context, Func<IppDbContext, IQueryable<T>> source)
    {
        var paging = ListPaging.From(
            context.GetArgument<int?>("first"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("after"),
            context.GetArgument<string?>("before"),
            PageSizes(context));
        context.Arguments.TryGetValue("where", out var where);
        context.Arguments.TryGetValue("order", out var order);
        var filter = ListFilter<T>.Build(where, Filters);
        var rows = filter is null
            ? source
            : db => source(db).Where(BindFilter is null ? filter : BindFilter(filter, db));
        return new ListConnection<T>(
            context.Service<IDbContextFactory<IppDbContext>>(), Name, rows, ListOrder<T>.From(order, this), paging, context.CancellationToken);
    }
}
