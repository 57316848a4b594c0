using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens.Errors;

/// <summary>The token's name breaks a rule (<c>INVALID_ACCESS_TOKEN_NAME</c>), with the longest name allowed.</summary>
public sealed class InvalidAccessTokenNameError(string message) : MutationError(message)
{
    public override string Code => AccessTokensErrorCodes.InvalidAccessTokenName;

    /// <summary>The most characters a name may have, once trimmed.</summary>
    public int MaxLength => AccessTokenNames.MaxLength;
}
