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

