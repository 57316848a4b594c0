using Ipp.Graph.Data.Lists;

namespace Ipp.Graph.Experiments.Live;

/// <summary>The page sizes of <c>Experiment.events</c> (settings <c>Experiments:Events:DefaultPageSize</c>, <c>Experiments:Events:MaxPageSize</c>).</summary>
public sealed class ExperimentEventsPagingOptions : IListPageSizeOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments:Events";

    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> or <c>last</c> accepted; larger is HC0051.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Throws when the settings make no sense.</summary>
    public void Validate()
    {
        IListPageSizeOptions.ValidatePageSizes(this, Section);
    }
}
