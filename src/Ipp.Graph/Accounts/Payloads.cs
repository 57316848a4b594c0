using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts;

/// <summary>A user as the API shows it (the <c>User</c> type).</summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record UserView(long Key, string Email, IReadOnlyList<Role> Roles, DateTimeOffset CreatedAt, ApprovalState Approval, bool Disabled)
{
    /// <summary>The global id: <c>User:key</c>, encoded once (a caller's user is shown on every request).</summary>
    public string Id { get; } = GraphQL.GlobalId.Encode("User", Key);
}

/// <summary>A session just started: its token (shown once, never stored), when it expires, and its user.</summary>
public sealed record NewSession(string Token, DateTimeOffset ExpiresAt, UserView User);

/// <summary>What a mutation that starts a session answers: the session, or the errors that prevented it.</summary>
public abstract class SessionPayload : MutationPayload
{
    public UserView? User { get; init; }

    public string? Token { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>What <c>createUser</c> answers (the <c>CreateUserPayload</c> type).</summary>
public sealed class CreateUserPayload : SessionPayload;

/// <summary>What <c>authenticate</c> answers (the <c>AuthenticatePayload</c> type).</summary>
public sealed class AuthenticatePayload : SessionPayload;

/// <summary>What <c>logout</c> answers (the <c>LogoutPayload</c> type).</summary>
public sealed record LogoutPayload(bool LoggedOut);
