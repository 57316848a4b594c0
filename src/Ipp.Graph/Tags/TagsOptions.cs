using Ipp.Graph.Tags.Entities;

namespace Ipp.Graph.Tags;

/// <summary>The <c>Tags</c> settings (appsettings.json documents each with its default).</summary>
public sealed class TagsOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Tags";

    /// <summary>The most characters a tag's name may have (1 to the column's 100).</summary>
    public int MaxNameLength { get; set; } = 50;

    /// <summary>The most own tags one user may have (custom tags are not counted).</summary>
    public int MaxPerUser { get; set; } = 500;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (MaxNameLength is < 1 or > Tag.NameColumnLength)
        {
            throw new InvalidOperationException($"Tags:MaxNameLength must be between 1 and {Tag.NameColumnLength}; it is {MaxNameLength}.");
        }

        if (MaxPerUser < 1)
        {
            throw new InvalidOperationException($"Tags:MaxPerUser must be 1 or more; it is {MaxPerUser}.");
        }
    }
}
