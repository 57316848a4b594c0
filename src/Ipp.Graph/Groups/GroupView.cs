namespace Ipp.Graph.Groups;

/// <summary>A group as the API shows it (the <c>Group</c> type).</summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record GroupView(long Key, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>The global type name of groups.</summary>
    public const string TypeName = "Group";

    /// <summary>The global id: <c>Group:key</c>.</summary>
    public string Id => GraphQL.GlobalId.Encode(TypeName, Key);
}

/// <summary>
/// What one group mutation did, as it stands after the change: what was done (the mutation's name), the group (as
/// it was just before deletion, for <c>deleteGroup</c>), and the users whose membership changed (none for the
/// others). Every mutation answers from one of these, in one place (<see cref="GroupMutations"/>).
/// </summary>
public sealed record GroupChange(string Action, GroupView Group, IReadOnlyList<long> UserIds);
