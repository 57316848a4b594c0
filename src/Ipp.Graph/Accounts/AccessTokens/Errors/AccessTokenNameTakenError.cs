using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens.Errors;

/// <summary>Another token of the user already has the name (<c>ACCESS_TOKEN_NAME_TAKEN</c>).</summary>
public sealed class AccessTokenNameTakenError(string name) : MutationError($"You already have a token named '{name}'.")
{
    public override string Code => AccessTokensErrorCodes.AccessTokenNameTaken;
}
