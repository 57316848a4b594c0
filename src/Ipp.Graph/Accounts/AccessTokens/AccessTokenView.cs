namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>A personal access token as the API shows it (the <c>AccessToken</c> type): never its text nor its hash.</summary>
/// <param name="Key">The database id; the API shows the global <see cref="Id"/>.</param>
public sealed record AccessTokenView(long Key, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, bool ReadOnly)
{
    /// <summary>The type name of the tokens' global ids.</summary>
    public const string TypeName = "AccessToken";

    /// <summary>The global id: <c>AccessToken:key</c>.</summary>
    public string Id => GraphQL.GlobalId.Encode(TypeName, Key);
}

/// <summary>A token just made: its text (shown this once, never stored) and the token as listed.</summary>
public sealed record NewAccessToken(string Token, AccessTokenView AccessToken);
