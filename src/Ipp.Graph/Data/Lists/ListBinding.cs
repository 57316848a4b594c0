using Ipp.Graph.Engine.Binding;

namespace Ipp.Graph.Data.Lists;

/// <summary>Binds a list's connection type and edge type to the <see cref="IListConnection{T}"/> its field returns.</summary>
internal static class ListBinding
{
    /// <summary>
    /// Binds <paramref name="connectionType"/> (<c>pageInfo</c>, <c>edges</c>, <c>nodes</c>, <c>totalCount</c>) and
    /// <paramref name="edgeType"/>, each row shown as <paramref name="view"/> makes it.
    /// </summary>
    public static SchemaBuilder BindConnection<T, TView>(this SchemaBuilder schema, string connectionType, string edgeType, Func<T, TView> view)
        where T : class
    {
        return schema
            .BindType<ListEdge<TView>>(edgeType)
            .Resolve($"{connectionType}.pageInfo", async context => (await context.ParentAs<IListConnection<T>>().PageAsync()).PageInfo)
            .Resolve($"{connectionType}.edges", async context => Edges(await context.ParentAs<IListConnection<T>>().PageAsync(), view))
            .Resolve($"{connectionType}.nodes", async context => Edges(await context.ParentAs<IListConnection<T>>().PageAsync(), view).Select(edge => edge.Node).ToArray())
            .Resolve($"{connectionType}.totalCount", async context => await context.ParentAs<IListConnection<T>>().TotalCountAsync());
    }

    private static ListEdge<TView>[] Edges<T, TView>(ListPage<T> page, Func<T, TView> view) =>
        [.. page.Edges.Select(edge => new ListEdge<TView>(edge.Cursor, view(edge.Node)))];
}
