using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Utilities;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The accounts fields of the contract: <c>me</c>, <c>node</c> for users, <c>createUser</c>, <c>authenticate</c>,
/// <c>logout</c> and <c>sessionEnded</c>, with the types they return.
/// </summary>
public static class AccountsSchema
{
    /// <summary>Binds the accounts resolvers and types, and registers how <c>node(id:)</c> fetches a User.</summary>
    public static void Bind(SchemaBuilder schema, NodeRegistry nodes)
    {
        schema
            .BindType<UserView>("User")
            .BindType<AuthPayload>("AuthPayload")
            .BindType<LogoutPayload>("LogoutPayload")
            .BindType<SessionEndedEvent>("SessionEndedEvent")
            .BindEnum<Role>("Role")
            .BindEnum<SessionEndReason>("SessionEndReason")
            .BindInput<CreateUserInput>("CreateUserInput")
            .Resolve("Query.me", Me)
            .Resolve("Mutation.createUser", CreateUserAsync)
            .Resolve("Mutation.authenticate", AuthenticateAsync)
            .Resolve("Mutation.logout", LogoutAsync)
            .Subscribe("Subscription.sessionEnded", SessionEnded);
        nodes.Add("User", FetchUser);
    }

    private static ValueTask<object?> Me(ResolveContext context) =>
        new(context.LiveCaller()?.User);

    /// <summary>A user is visible to themself only.</summary>
    private static ValueTask<object?> FetchUser(long key, ResolveContext context) =>
        new(context.LiveCaller() is { } caller && caller.UserId == key ? caller.User : null);

    private static async ValueTask<object?> CreateUserAsync(ResolveContext context)
    {
        var input = context.GetArgument<CreateUserInput>("input");
        var server = context.Server();
        var accounts = Accounts(context);
        RateLimiter(context).Acquire(server.RemoteAddress);
        var payload = await accounts.CreateUserAsync(input.Email, input.Password, context.CancellationToken);
        SessionCookie.Set(server, accounts.Options.CookieName, payload.Token, payload.ExpiresAt);
        return payload;
    }

    private static async ValueTask<object?> AuthenticateAsync(ResolveContext context)
    {
        var server = context.Server();
        var accounts = Accounts(context);
        RateLimiter(context).Acquire(server.RemoteAddress);
        var payload = await accounts.AuthenticateAsync(
            context.GetArgument<string>("email"), context.GetArgument<string>("password"), context.CancellationToken);
        SessionCookie.Set(server, accounts.Options.CookieName, payload.Token, payload.ExpiresAt);
        return payload;
    }

    private static async ValueTask<object?> LogoutAsync(ResolveContext context)
    {
        var accounts = Accounts(context);
        if (!SignedInCaller.TryRead(context.Request.User, out var caller))
        {
            throw Callers.NotAuthenticated();
        }

        // A principal authenticated earlier (a WebSocket connection's) may name a session that ended since: nothing to end.
        var loggedOut = accounts.IsLive(caller) && await accounts.LogoutAsync(caller, context.CancellationToken);
        SessionCookie.Clear(context.Server(), accounts.Options.CookieName);
        return new LogoutPayload(loggedOut);
    }

    private static ValueTask<IAsyncEnumerable<object?>> SessionEnded(ResolveContext context)
    {
        // Said before the session is checked: once the session ends, the transports end its other operations at
        // once, but let this one deliver its event first (a session ending after the check is then seen here).
        context.Server().MarkReportsSessionEnd();
        var caller = context.LiveCaller() ?? throw Callers.NotAuthenticated();
        return new ValueTask<IAsyncEnumerable<object?>>(Watch(context.Service<SessionLifetimes>().WhenEnded(caller), CancellationToken.None));
    }

    /// <summary>One event when the session ends (or expires), then the end of the stream.</summary>
    private static async IAsyncEnumerable<object?> Watch(Task<SessionEndedEvent> ended, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await ended.WaitAsync(cancellationToken);
    }

    private static AccountService Accounts(ResolveContext context) => context.Service<AccountService>();

    private static SignInRateLimiter RateLimiter(ResolveContext context) => context.Service<SignInRateLimiter>();

}

/// <summary>The <c>CreateUserInput</c> input type.</summary>
public sealed record CreateUserInput(string Email, string Password);
