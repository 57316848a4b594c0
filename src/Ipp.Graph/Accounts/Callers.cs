using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Accounts;

/// <summary>Who is calling, as every feature's resolvers ask it.</summary>
public static class Callers
{
    /// <summary>
    /// The caller when their session is still live, holding the grants (roles, approval) they hold now; null for
    /// anonymous callers and ended sessions. A query (or a subscription's event), which changes nothing, checks once:
    /// its other fields get the same answer; a mutation checks on every call, as its fields may end the session or
    /// change the caller's grants for the fields after them.
    /// </summary>
    public static SignedInCaller? LiveCaller(this ResolveContext context)
    {
        var server = context.Operation.Operation == OperationType.Mutation ? null : context.Request as ServerRequestContext;
        if (server is not null && server.TryGetLiveCaller(context.ExecutionId, out var known))
        {
            return known;
        }

        var live = FindLiveCaller(context);
        server?.RememberLiveCaller(context.ExecutionId, live);
        return live;
    }

    private static SignedInCaller? FindLiveCaller(ResolveContext context)
    {
        if (!SignedInCaller.TryRead(context.Request.User, out var caller))
        {
            return null;
        }

        var accounts = context.Service<AccountService>();
        return accounts.IsLive(caller) ? accounts.Current(caller) : null;
    }

    /// <summary>The caller, whose session is live; otherwise an <c>AUTH_NOT_AUTHENTICATED</c> error.</summary>
    public static SignedInCaller RequireCaller(this ResolveContext context) => context.LiveCaller() ?? throw NotAuthenticated();

    /// <summary>The error of a field that needs a signed-in caller.</summary>
    public static GraphQLError NotAuthenticated() =>
        new("Sign in first: this field needs a valid session token.", code: ServerErrorCodes.AuthNotAuthenticated);
}
