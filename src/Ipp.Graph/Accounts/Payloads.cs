namespace Ipp.Graph.Accounts;

/// <summary>A user as the API shows it (the <c>User</c> type).</summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record UserView(long Key, string Email, IReadOnlyList<Role> Roles, DateTimeOffset CreatedAt)
{
    /// <summary>The global id: <c>User:key</c>, encoded.</summary>
    public string Id => GraphQL.GlobalId.Encode("User", Key);
}

/// <summary>A new session (the <c>AuthPayload</c> type).</summary>
public sealed record AuthPayload(string Token, DateTimeOffset ExpiresAt, UserView User);

/// <summary>What <c>logout</c> answers (the <c>LogoutPayload</c> type).</summary>
public sealed record LogoutPayload(bool LoggedOut);
