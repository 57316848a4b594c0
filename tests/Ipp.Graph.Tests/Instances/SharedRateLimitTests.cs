using Ipp.Graph.RateLimiting;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Instances;

/// <summary>
/// On PostgreSQL the rate limits count for every instance at once: a client spreading its sign-in attempts over two
/// instances gets no more than the limit.
/// </summary>
public sealed class SharedRateLimitTests
{
    [PostgreSqlFact]
    public async Task Sign_in_attempts_through_two_instances_count_against_one_limit()
    {
        string[] limit = ["--Accounts:RateLimit:PermitLimit=3", "--Accounts:RateLimit:Window=00:10:00"];
        await using var a = await AccountsServer.StartAsync(limit);
        await using var b = await AccountsServer.StartAsync([.. limit, a.Database.Setting]);
        using var throughA = new GraphQLHttp(a);
        using var throughB = new GraphQLHttp(b);

        await throughA.CreateUserAsync("ada@example.org");
        await throughB.AuthenticateAsync("ada@example.org");
        await throughA.AuthenticateAsync("ada@example.org");
        var fourth = await throughB.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "correct horse battery" });

        Assert.Equal(RateLimitErrorCodes.RateLimited, fourth.PayloadErrorCode("authenticate"));
        Assert.Empty(a.Logs.Errors);
        Assert.Empty(b.Logs.Errors);
    }
}
