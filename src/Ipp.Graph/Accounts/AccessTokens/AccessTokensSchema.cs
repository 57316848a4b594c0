using Ipp.Graph.Accounts.AccessTokens.Errors;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// The personal access tokens of the contract: <c>accessTokens</c>, <c>createAccessToken</c> and
/// <c>revokeAccessToken</c>, each for the caller's own tokens. Who may call them is the fields' <c>@authorize</c>
/// (making and revoking need <c>credentials:manage</c>, which no token holds).
/// </summary>
public static class AccessTokensSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<AccessTokenView>("AccessToken")
            .BindInput<CreateAccessTokenInput>("CreateAccessTokenInput")
            .BindInput<RevokeAccessTokenInput>("RevokeAccessTokenInput")
            .BindType<CreateAccessTokenPayload>("CreateAccessTokenPayload")
            .BindType<RevokeAccessTokenPayload>("RevokeAccessTokenPayload")
            .BindType<InvalidAccessTokenNameError>("InvalidAccessTokenNameError")
            .BindType<AccessTokenNameTakenError>("AccessTokenNameTakenError")
            .BindType<InvalidAccessTokenExpiryError>("InvalidAccessTokenExpiryError")
            .BindType<AccessTokenLimitReachedError>("AccessTokenLimitReachedError")
            .BindType<AccessTokenNotFoundError>("AccessTokenNotFoundError")
            .Resolve("Query.accessTokens", ListAsync)
            .ResolveMutation("createAccessToken", CreateAsync)
            .ResolveMutation("revokeAccessToken", RevokeAsync);

    private static async ValueTask<object?> ListAsync(ResolveContext context) =>
        await Tokens(context).ListAsync(context.RequireCaller().UserId, context.CancellationToken);

    private static async Task<CreateAccessTokenPayload> CreateAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<CreateAccessTokenInput>();
        var made = await Tokens(context).CreateAsync(caller.UserId, input.Name, input.ExpiresAt, input.ReadOnly, context.CancellationToken);
        return new CreateAccessTokenPayload { AccessToken = made.AccessToken, Token = made.Token };
    }

    private static async Task<RevokeAccessTokenPayload> RevokeAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var input = context.Input<RevokeAccessTokenInput>();
        return new RevokeAccessTokenPayload { RevokedId = await Tokens(context).RevokeAsync(caller.UserId, input.Id, context.CancellationToken) };
    }

    private static AccessTokenService Tokens(ResolveContext context) => context.Service<AccessTokenService>();
}

/// <summary>The <c>CreateAccessTokenInput</c> input type.</summary>
public sealed record CreateAccessTokenInput(string Name, DateTimeOffset ExpiresAt, bool ReadOnly);

/// <summary>The <c>RevokeAccessTokenInput</c> input type.</summary>
public sealed record RevokeAccessTokenInput(string Id);

/// <summary>What <c>createAccessToken</c> answers (the <c>CreateAccessTokenPayload</c> type).</summary>
public sealed class CreateAccessTokenPayload : MutationPayload
{
    public AccessTokenView? AccessToken { get; init; }

    /// <summary>The token's text: shown in this payload only.</summary>
    public string? Token { get; init; }
}

/// <summary>What <c>revokeAccessToken</c> answers (the <c>RevokeAccessTokenPayload</c> type).</summary>
public sealed class RevokeAccessTokenPayload : MutationPayload
{
    /// <summary>The global id of the revoked token.</summary>
    public string? RevokedId { get; init; }
}
