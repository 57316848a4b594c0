namespace Ipp.Graph.Data.Lists;

/// <summary>
/// The <c>extensions.code</c> values of lists' filtering, ordering and paging, as HotChocolate gives them.
/// </summary>
public static class PagingErrorCodes
{
    /// <summary>A filter operation was given null where it cannot compare with null (HotChocolate's code).</summary>
    public const string FilterNullNotSupported = "HC0026";

    /// <summary><c>first</c> or <c>last</c> asks for more items than a page may hold (HotChocolate's code).</summary>
    public const string MaxPaginationItems = "HC0051";

    /// <summary>A cursor given as <c>after</c> or <c>before</c> is not one this list made (HotChocolate's code).</summary>
    public const string InvalidCursor = "HC0078";

    /// <summary><c>first</c> or <c>last</c> is negative (HotChocolate's code).</summary>
    public const string MinPaginationItems = "HC0079";
}
