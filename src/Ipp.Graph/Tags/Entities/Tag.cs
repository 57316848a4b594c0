namespace Ipp.Graph.Tags.Entities;

/// <summary>
/// A tag (table <c>tags</c>), of TrainMate's two kinds: a user's own (<see cref="OwnerId"/> set), which only they see
/// and use, or a custom one (no owner), made by those who manage tags and usable by everyone who may tag.
/// </summary>
public sealed class Tag
{
    /// <summary>The longest name the column holds.</summary>
    public const int NameColumnLength = 100;

    public long Id { get; set; }

    /// <summary>The user whose own tag it is; null for a custom tag.</summary>
    public long? OwnerId { get; set; }

    /// <summary>The name as it was written (trimmed): what the API shows.</summary>
    public required string Name { get; set; }

    /// <summary>The name in the form names are compared by (trimmed, lower case); unique per owner, and among custom tags.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>When the tag was made (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
