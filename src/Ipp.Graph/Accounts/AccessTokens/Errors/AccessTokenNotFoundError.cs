using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens.Errors;

/// <summary>
/// No token of the caller has the id (<c>ACCESS_TOKEN_NOT_FOUND</c>): a missing, revoked or expired one and another
/// user's look the same.
/// </summary>
public sealed class AccessTokenNotFoundError(string id) : MutationError($"You have no access token with id '{id}'.")
{
    public override string Code => AccessTokensErrorCodes.AccessTokenNotFound;

    /// <summary>The id that was given.</summary>
    public string Id { get; } = id;
}
