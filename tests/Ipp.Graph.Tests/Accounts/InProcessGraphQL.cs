using System.Net;
using System.Text.Json;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>Runs operations through the server's RequestRunner, as a transport does, with the caller a token names.</summary>
public sealed class InProcessGraphQL(RunningServer server)
{
    public async Task<JsonElement> ExecuteAsync(string query, IReadOnlyDictionary<string, object?>? variables = null, string? token = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var caller = await server.Services.GetRequiredService<ICallerAuthenticator>().AuthenticateAsync(token, CancellationToken.None);
        var context = new ServerRequestContext { Services = scope.ServiceProvider, User = caller, RemoteAddress = IPAddress.Loopback };
        var result = await server.Services.GetRequiredService<RequestRunner>()
            .ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables }, context);
        return JsonDocument.Parse(result.ToJson()).RootElement;
    }
}
