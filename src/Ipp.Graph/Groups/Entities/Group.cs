namespace Ipp.Graph.Groups.Entities;

/// <summary>A group of users (table <c>groups</c>), which the catalogue's categories may name.</summary>
public sealed class Group
{
    /// <summary>The longest name the column holds; the setting <c>Groups:MaxNameLength</c> may allow less.</summary>
    public const int NameColumnLength = 200;

    public long Id { get; set; }

    /// <summary>The name as it was written (trimmed): what the API shows.</summary>
    public required string Name { get; set; }

    /// <summary>The name in the form names are compared by (<see cref="GroupNames.Normalize"/>); unique.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>When the group was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    public List<GroupMember> Members { get; set; } = [];
}
