using Ipp.Graph.Data.Lists;

namespace Ipp.Graph.Applications;

/// <summary>The page sizes of <c>storedParameters</c> (settings <c>Applications:StoredParameters:*</c>).</summary>
public sealed class StoredParametersOptions : IListPageSizeOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Applications:StoredParameters";

    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> or <c>last</c> accepted; larger is HC0051.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Throws when the settings make no sense, so a bad configuration stops the start.</summary>
    internal void Validate() => IListPageSizeOptions.ValidatePageSizes(this, Section);
}
