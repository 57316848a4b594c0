using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Data.Lists;

/// <summary>Settings that size a list's pages (validated at start: both at least 1, the default no larger).</summary>
public interface IListPageSizeOptions
{
    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    int DefaultPageSize { get; }

    /// <summary>The largest <c>first</c> or <c>last</c> accepted; larger is HC0051.</summary>
    int MaxPageSize { get; }

    /// <summary>
    /// Throws, naming the settings of <paramref name="section"/>, unless both sizes are at least 1 and the default is no
    /// larger than the maximum; each list's settings call it from their own validation, so a bad one stops the start.
    /// </summary>
    static void ValidatePageSizes(IListPageSizeOptions options, string section)
    {
        if (options.MaxPageSize < 1)
        {
            throw new InvalidOperationException($"{section}:MaxPageSize must be 1 or more; it is {options.MaxPageSize}.");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            throw new InvalidOperationException(
                $"{section}:DefaultPageSize must be from 1 to {section}:MaxPageSize ({options.MaxPageSize}); it is {options.DefaultPageSize}.");
        }
    }
}

/// <summary>A list's page sizes, from its settings: without <c>first</c> or <c>last</c>, and the most either may ask.</summary>
internal sealed record ListPageSizes(int Default, int Max)
{
    /// <summary>The page sizes the settings <typeparamref name="TOptions"/> give.</summary>
    public static ListPageSizes Of<TOptions>(ResolveContext context)
        where TOptions : class, IListPageSizeOptions
    {
        var options = context.Service<IOptions<TOptions>>().Value;
        return new(options.DefaultPageSize, options.MaxPageSize);
    }
}

/// <summary>
/// The paging arguments of a list, checked as HotChocolate checks them: <c>first</c> and <c>last</c> from 0 to the
/// maximum page size (HC0079 below, HC0051 above); without either, the first <see cref="ListPageSizes.Default"/>
/// rows. Both may be given: as the Relay specification says, <c>first</c> applies, then <c>last</c> to what it kept.
/// </summary>
internal sealed record ListPaging(int? First, int? Last, string? After, string? Before)
{
    public static ListPaging From(int? first, int? last, string? after, string? before, ListPageSizes sizes)
    {
        Check(first, sizes);
        Check(last, sizes);
        return first is null && last is null
            ? new ListPaging(sizes.Default, null, after, before)
            : new ListPaging(first, last, after, before);
    }

    /// <summary>The error (HC0078) of a cursor in <paramref name="argument"/> that is not one of the list's.</summary>
    public static GraphQLError InvalidCursor(string cursor, string argument) => new(
        $"The cursor specified in `{argument}` has an invalid format.",
        code: PagingErrorCodes.InvalidCursor,
        extensions: new Dictionary<string, object?> { ["argument"] = argument, ["cursor"] = cursor });

    private static void Check(int? requested, ListPageSizes sizes)
    {
        if (requested < 0)
        {
            throw new GraphQLError(
                "The requested number of values per page must be at least 0.",
                code: PagingErrorCodes.MinPaginationItems,
                extensions: new Dictionary<string, object?> { ["requestedItems"] = requested });
        }

        if (requested > sizes.Max)
        {
            throw new GraphQLError(
                "The maximum allowed items per page were exceeded.",
                code: PagingErrorCodes.MaxPaginationItems,
                extensions: new Dictionary<string, object?> { ["requestedItems"] = requested, ["maxAllowedItems"] = sizes.Max });
        }
    }
}
