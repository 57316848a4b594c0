using Ipp.Graph.Groups.Entities;

namespace Ipp.Graph.Groups;

/// <summary>The <c>Groups</c> settings (appsettings.json documents each with its default).</summary>
public sealed class GroupsOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Groups";

    /// <summary>The most characters a group's name may have (1 to the column's 200).</summary>
    public int MaxNameLength { get; set; } = 100;

    /// <summary>The most users one <c>addGroupMembers</c> or <c>removeGroupMembers</c> may name.</summary>
    public int MaxUsersPerChange { get; set; } = 100;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (MaxNameLength is < 1 or > Group.NameColumnLength)
        {
            throw new InvalidOperationException($"Groups:MaxNameLength must be between 1 and {Group.NameColumnLength}; it is {MaxNameLength}.");
        }

        if (MaxUsersPerChange < 1)
        {
            throw new InvalidOperationException($"Groups:MaxUsersPerChange must be 1 or more; it is {MaxUsersPerChange}.");
        }
    }
}
