namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>The <c>extensions.code</c> values of the personal access tokens' errors.</summary>
public static class AccessTokensErrorCodes
{
    /// <summary>The token's name is empty, longer than the limit, or holds control characters.</summary>
    public const string InvalidAccessTokenName = "INVALID_ACCESS_TOKEN_NAME";

    /// <summary>Another token of the user already has this name.</summary>
    public const string AccessTokenNameTaken = "ACCESS_TOKEN_NAME_TAKEN";

    /// <summary>The expiry is not in the future, or later than the setting <c>AccessTokens:MaxLifetime</c> allows.</summary>
    public const string InvalidAccessTokenExpiry = "INVALID_ACCESS_TOKEN_EXPIRY";

    /// <summary>The user holds as many tokens as <c>AccessTokens:MaxPerUser</c> allows.</summary>
    public const string AccessTokenLimitReached = "ACCESS_TOKEN_LIMIT_REACHED";

    /// <summary>No token of the caller has this id: it never existed, was revoked, expired, or is another user's.</summary>
    public const string AccessTokenNotFound = "ACCESS_TOKEN_NOT_FOUND";
}
