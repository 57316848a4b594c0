using System.IO.Compression;
using Ipp.Graph.Data.Lists;

namespace Ipp.Graph.Library.Download;

/// <summary>The <c>Library:Download</c> settings (appsettings.json documents each with its default).</summary>
public sealed class LibraryDownloadOptions : IListPageSizeOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Library:Download";

    /// <summary>The files in a page of <c>LibraryEntry.files</c> when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest <c>first</c> or <c>last</c> of <c>LibraryEntry.files</c>.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>
    /// How a folder's zip compresses its files: <c>Fastest</c> (the default), <c>Optimal</c>, <c>SmallestSize</c>, or
    /// <c>NoCompression</c> (still deflate-framed, for readers that need data descriptors).
    /// </summary>
    public CompressionLevel ZipCompression { get; set; } = CompressionLevel.Fastest;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        IListPageSizeOptions.ValidatePageSizes(this, "Library:Download");

        if (!Enum.IsDefined(ZipCompression))
        {
            throw new InvalidOperationException($"Library:Download:ZipCompression is not a compression level: {ZipCompression}.");
        }
    }
}
