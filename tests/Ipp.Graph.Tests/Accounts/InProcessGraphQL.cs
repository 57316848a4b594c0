using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Execution.Subscriptions;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>
/// Runs operations through the server's RequestRunner as a WebSocket transport does: the caller is the principal
/// the token gave when the connection started (<see cref="ICallerAuthenticator"/>), and there are no cookies.
/// </summary>
public sealed class InProcessGraphQL(RunningServer server)
{
    /// <summary>The principal a token names, as a transport gets it at <c>connection_init</c>.</summary>
    public async Task<ClaimsPrincipal> CallerAsync(string? token) =>
        await server.Services.GetRequiredService<ICallerAuthenticator>().AuthenticateAsync(token, CancellationToken.None);

    public async Task<JsonElement> ExecuteAsync(string query, ClaimsPrincipal caller)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var result = await server.Services.GetRequiredService<RequestRunner>().ExecuteAsync(new GraphQLRequest { Query = query }, Context(scope, caller));
        return JsonDocument.Parse(result.ToJson()).RootElement;
    }

    public async Task<SubscriptionResult> SubscribeAsync(string query, ClaimsPrincipal caller)
    {
        var scope = server.Services.CreateAsyncScope();
        return await server.Services.GetRequiredService<RequestRunner>().SubscribeAsync(new GraphQLRequest { Query = query }, Context(scope, caller));
    }

    private static ServerRequestContext Context(AsyncServiceScope scope, ClaimsPrincipal caller) =>
        new() { Services = scope.ServiceProvider, User = caller, RemoteAddress = IPAddress.Loopback };
}
