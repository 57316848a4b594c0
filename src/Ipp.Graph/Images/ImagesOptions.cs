using Ipp.Graph.Data.Lists;
using Ipp.Graph.Images.Entities;

namespace Ipp.Graph.Images;

/// <summary>The <c>Images</c> settings (appsettings.json documents each with its default).</summary>
public sealed class ImagesOptions : IListPageSizeOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Images";

    /// <summary>The most characters an image's name may have (1 to the column's 200).</summary>
    public int MaxNameLength { get; set; } = 100;

    /// <summary>The most characters an image's path may have (1 to the column's 1000).</summary>
    public int MaxPathLength { get; set; } = 500;

    /// <summary>The most parameters an image may take.</summary>
    public int MaxParameters { get; set; } = 100;

    /// <summary>The most characters of a parameter's label, help, group, or of a choice's value or label.</summary>
    public int MaxParameterTextLength { get; set; } = 1000;

    /// <summary>The page size of <c>images</c> without <c>first</c> or <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> or <c>last</c> of <c>images</c>; larger is HC0051.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (MaxNameLength is < 1 or > ContainerImage.NameColumnLength)
        {
            throw new InvalidOperationException($"Images:MaxNameLength must be between 1 and {ContainerImage.NameColumnLength}; it is {MaxNameLength}.");
        }

        if (MaxPathLength is < 1 or > ContainerImage.PathColumnLength)
        {
            throw new InvalidOperationException($"Images:MaxPathLength must be between 1 and {ContainerImage.PathColumnLength}; it is {MaxPathLength}.");
        }

        if (MaxParameters < 0)
        {
            throw new InvalidOperationException($"Images:MaxParameters must be 0 or more; it is {MaxParameters}.");
        }

        if (MaxParameterTextLength < 1)
        {
            throw new InvalidOperationException($"Images:MaxParameterTextLength must be 1 or more; it is {MaxParameterTextLength}.");
        }

        IListPageSizeOptions.ValidatePageSizes(this, Section);
    }
}
