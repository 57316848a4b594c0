using Ipp.Graph.Data.Lists;

namespace Ipp.Graph.Experiments.Query;

/// <summary>The page sizes of <c>experiments</c> (settings <c>Experiments:DefaultPageSize</c>, <c>Experiments:MaxPageSize</c>).</summary>
public sealed class ExperimentsPagingOptions : IListPageSizeOptions
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
        IListPageSizeOptions.ValidatePageSizes(this, "Experiments");
    }
}
