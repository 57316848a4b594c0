using Ipp.Graph.Transport;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>Failures outside /graphql's own handling still answer with a JSON error body: unknown paths, other methods.</summary>
public sealed class HttpStatusTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("nothing-here")]
    [InlineData("graphql/more")]
    [InlineData("graphiql")]
    public async Task An_unknown_path_is_404_with_a_json_error_body(string path)
    {
        var answer = await _client.SendAsync(HttpMethod.Get, path, null, null, null);

        Assert.Equal(404, answer.Status);
        Assert.Equal(HttpExchange.Json, answer.ContentType);
        answer.AssertErrorBody(TransportErrorCodes.NotFound);
        Assert.Equal($"Nothing is served at /{path}.", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Another_method_on_graphql_is_405_with_allow_and_a_json_error_body(string method)
    {
        var answer = await _client.SendAsync(new HttpMethod(method), "graphql", "{}"u8.ToArray(), "application/json", null);

        Assert.Equal(405, answer.Status);
        Assert.Equal("GET, POST", answer.Header("Allow"));
        answer.AssertErrorBody(TransportErrorCodes.MethodNotAllowed);
        Assert.Equal($"{method} is not allowed here; use GET, POST.", answer.ErrorMessage);
    }

    [Fact]
    public async Task Head_gets_the_status_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "graphql");

        using var response = await _client.SendAsync(request);

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
    }

    [Fact]
    public async Task None_of_this_logs_an_error()
    {
        await _client.SendAsync(HttpMethod.Get, "nothing-here", null, null, null);
        await _client.SendAsync(HttpMethod.Put, "graphql", [], "application/json", null);

        Assert.Empty(fixture.Server.Logs.Errors);
    }
}
