using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens.Errors;

/// <summary>The user holds as many tokens as a user may (<c>ACCESS_TOKEN_LIMIT_REACHED</c>).</summary>
public sealed class AccessTokenLimitReachedError(int maxTokens)
    : MutationError($"You already have {maxTokens} access tokens, the most you may hold. Revoke tokens you no longer need.")
{
    public override string Code => AccessTokensErrorCodes.AccessTokenLimitReached;

    /// <summary>The most tokens a user may hold (the setting <c>AccessTokens:MaxPerUser</c>).</summary>
    public int MaxTokens { get; } = maxTokens;
}
