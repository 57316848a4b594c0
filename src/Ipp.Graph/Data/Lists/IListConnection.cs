namespace Ipp.Graph.Data.Lists;

/// <summary>
/// What a list's <c>…Connection</c> type reads (<see cref="ListBinding.BindConnection"/>): its page and its count,
/// each loaded once when first asked. <see cref="ListConnection{T}"/> queries them itself; a list that is a field of
/// every row of another list (an experiment's events) loads them in batches instead, one query for all the rows.
/// </summary>
internal interface IListConnection<T>
{
    Task<ListPage<T>> PageAsync();

    Task<int> TotalCountAsync();
}

/// <summary>A connection whose page and count another loads (a data loader's batch), each once when first asked.</summary>
internal sealed class LoadedListConnection<T>(Func<Task<ListPage<T>>> page, Func<Task<int>> totalCount) : IListConnection<T>
{
    private readonly Lazy<Task<ListPage<T>>> _page = new(page);
    private readonly Lazy<Task<int>> _totalCount = new(totalCount);

    public Task<ListPage<T>> PageAsync() => _page.Value;

    public Task<int> TotalCountAsync() => _totalCount.Value;
}
