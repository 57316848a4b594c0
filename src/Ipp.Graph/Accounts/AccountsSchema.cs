using System.Runtime.CompilerServices;
using Ipp.Graph.Accounts.Errors;
using Ipp.Graph.Accounts.Profile;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

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
            .BindType<CreateUserPayload>("CreateUserPayload")
            .BindType<AuthenticatePayload>("AuthenticatePayload")
            .BindType<LogoutPayload>("LogoutPayload")
            .BindType<SessionEndedEvent>("SessionEndedEvent")
            .BindType<InvalidEmailError>("InvalidEmailError")
            .BindType<InvalidPasswordError>("InvalidPasswordError")
            .BindType<EmailTakenError>("EmailTakenError")
            .BindType<InvalidCredentialsError>("InvalidCredentialsError")
            .BindType<AccountDeniedError>("AccountDeniedError")
            .BindType<AccountDisabledError>("AccountDisabledError")
            .BindEnum<ApprovalState>("ApprovalState")
            .BindEnum<Role>("Role")
            .BindEnum<SessionEndReason>("SessionEndReason")
            .BindInput<CreateUserInput>("CreateUserInput")
            .BindInput<AuthenticateInput>("AuthenticateInput")
            .Resolve("Query.me", Me)
            .ResolveMutation("createUser", CreateUserAsync)
            .ResolveMutation("authenticate", AuthenticateAsync)
            .Resolve("Mutation.logout", LogoutAsync)
            .Subscribe("Subscription.sessionEnded", SessionEnded);
        nodes.Add("User", FetchUser);
    }

    private static ValueTask<object?> Me(ResolveContext context) =>
        new(context.LiveCaller()?.User);

    /// <summary>
    /// The user with this id as the caller may see them: themself (as <c>me</c>, no permission needed), another user
    /// with <c>users:read</c>; null otherwise.
    /// </summary>
    /// <remarks>The caller themself, the common case, is answered without an async state machine.</remarks>
    public static ValueTask<object?> FetchUser(long key, ResolveContext context) =>
        context.LiveCaller() is not { } caller ? new((object?)null)
        : caller.UserId == key ? new(caller.User)
        : context.Service<AccessPolicy>().Allows(caller, Permission.UsersRead, key) ? LoadUserAsync(context, key)
        : new((object?)null);

    private static async ValueTask<object?> LoadUserAsync(ResolveContext context, long key) => await UserViews.LoadAsync(context, key);

    private static async Task<CreateUserPayload> CreateUserAsync(ResolveContext context)
    {
        var input = context.Input<CreateUserInput>();
        var session = await StartSessionAsync(context, accounts => accounts.CreateUserAsync(input.Email, input.Password, input.Profile, context.CancellationToken));
        return new CreateUserPayload { User = session.User, Token = session.Token, ExpiresAt = session.ExpiresAt };
    }

    private static async Task<AuthenticatePayload> AuthenticateAsync(ResolveContext context)
    {
        var input = context.Input<AuthenticateInput>();
        var session = await StartSessionAsync(context, accounts => accounts.AuthenticateAsync(input.Email, input.Password, context.CancellationToken));
        return new AuthenticatePayload { User = session.User, Token = session.Token, ExpiresAt = session.ExpiresAt };
    }

    /// <summary>Counts the attempt against the client's rate limit, starts the session and sets its cookie.</summary>
    private static async Task<NewSession> StartSessionAsync(ResolveContext context, Func<AccountService, Task<NewSession>> start)
    {
        var server = context.Server();
        var accounts = Accounts(context);
        await RateLimiter(context).AcquireAsync(server);
        var session = await start(accounts);
        SessionCookie.Set(server, accounts.Options.CookieName, session.Token, session.ExpiresAt);
        return session;
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

    /// <summary>
    /// One event when the session ends (or expires), then the end of the stream. A subscriber who leaves first ends
    /// it without the event and without an exception (one would be thrown through every frame of the stack for each).
    /// </summary>
    private static async IAsyncEnumerable<object?> Watch(Task<SessionEndedEvent> ended, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static left => ((TaskCompletionSource)left!).TrySetResult(), left))
        {
            if (await Task.WhenAny(ended, left.Task) != ended)
            {
                yield break;
            }
        }

        yield return await ended;
    }

    private static AccountService Accounts(ResolveContext context) => context.Service<AccountService>();

    private static SignInRateLimiter RateLimiter(ResolveContext context) => context.Service<SignInRateLimiter>();

}

/// <summary>The <c>CreateUserInput</c> input type.</summary>
public sealed record CreateUserInput(string Email, string Password, ProfileInput? Profile);

/// <summary>The <c>AuthenticateInput</c> input type.</summary>
public sealed record AuthenticateInput(string Email, string Password);
