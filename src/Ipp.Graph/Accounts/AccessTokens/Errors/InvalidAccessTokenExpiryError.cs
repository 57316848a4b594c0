using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens.Errors;

/// <summary>
/// The expiry asked for is not in the future or later than allowed (<c>INVALID_ACCESS_TOKEN_EXPIRY</c>), with the
/// latest expiry a token made now may have.
/// </summary>
public sealed class InvalidAccessTokenExpiryError(string message, DateTimeOffset latest) : MutationError(message)
{
    public override string Code => AccessTokensErrorCodes.InvalidAccessTokenExpiry;

    /// <summary>The latest expiry a token made now may have (the setting <c>AccessTokens:MaxLifetime</c> from now).</summary>
    public DateTimeOffset Latest { get; } = latest;
}
