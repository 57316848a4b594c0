using System.Net;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Health;

/// <summary><c>GET /health</c> tells whether the database answers.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task AnswersOkWhenTheDatabaseAnswers()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers503WhenTheDatabaseCannotBeOpened()
    {
        await using var server = await RunningServer.StartAsync();
        using var client = server.CreateClient();
        using (var before = await client.GetAsync("health"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await server.Database.MakeUnreachableAsync();

        using var response = await client.GetAsync("health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unavailable", await response.Content.ReadAsStringAsync());
        Assert.Contains(server.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("health check", StringComparison.Ordinal));
    }
}
