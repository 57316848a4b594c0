using Ipp.Graph.Data.Lists;

namespace Ipp.Graph.Library.Sharing;

/// <summary>The <c>Library:Sharing</c> settings (appsettings.json documents each with its default).</summary>
public sealed class LibrarySharingOptions : IListPageSizeOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Library:Sharing";

    /// <summary>The grants in a page of <c>libraryShares</c> when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> or <c>last</c> of <c>libraryShares</c>.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        IListPageSizeOptions.ValidatePageSizes(this, "Library:Sharing");
    }
}
