using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Experiments.Query;

/// <summary>The page sizes of <c>experiments</c> (settings <c>Experiments:DefaultPageSize</c>, <c>Experiments:MaxPageSize</c>).</summary>
public sealed class ExperimentsPagingOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments";

    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given (HotChocolate's default: 10).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The largest <c>first</c> or <c>last</c> accepted (HotChocolate's default: 50); larger is HC0051.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Throws when the settings make no sense.</summary>
    public void Validate()
    {
        if (MaxPageSize < 1 || DefaultPageSize < 1 || DefaultPageSize > MaxPageSize)
        {
            throw new InvalidOperationException(
                $"Experiments:DefaultPageSize ({DefaultPageSize}) and Experiments:MaxPageSize ({MaxPageSize}) must be at least 1, the default no larger than the maximum.");
        }
    }
}

/// <summary>
/// The paging arguments of <c>experiments</c>, checked as HotChocolate checks them: <c>first</c> and <c>last</c>
/// from 0 to the maximum page size (HC0079 below, HC0051 above); without either, the first
/// <see cref="ExperimentsPagingOptions.DefaultPageSize"/> rows. Both may be given: as the Relay specification says,
/// <c>first</c> applies, then <c>last</c> to what it kept.
/// </summary>
internal sealed record ExperimentsPaging(int? First, int? Last, string? After, string? Before)
{
    public static ExperimentsPaging From(int? first, int? last, string? after, string? before, ExperimentsPagingOptions options)
    {
        Check(first, options);
        Check(last, options);
        return first is null && last is null
            ? new ExperimentsPaging(options.DefaultPageSize, null, after, before)
            : new ExperimentsPaging(first, last, after, before);
    }

    private static void Check(int? requested, ExperimentsPagingOptions options)
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
    }
}
