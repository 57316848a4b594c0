namespace Ipp.Graph.Groups.Entities;

/// <summary>A user's membership of a group (table <c>group_members</c>).</summary>
public sealed class GroupMember
{
    public long GroupId { get; set; }

    public long UserId { get; set; }
}
