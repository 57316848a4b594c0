using Ipp.Graph.Transport;
using static Ipp.Graph.Tests.Transport.Http.HttpExchange;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>
/// The response's media type follows the Accept header: the most specific matching range gives each type its
/// quality, the highest quality wins, a named type beats a wildcard, graphql-response+json wins between named
/// equals, and application/json is the answer to no preference at all. Nothing acceptable: 406 with a JSON body.
/// </summary>
public sealed class AcceptNegotiationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData(null, Json)]
    [InlineData("", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json; charset=utf-8, application/json; charset=utf-8", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse)]
    [InlineData("APPLICATION/GRAPHQL-RESPONSE+JSON", GraphQLResponse)]
    [InlineData("application/json;q=1, application/graphql-response+json;q=0.9", Json)]
    [InlineData("application/graphql-response+json;q=0.5, */*", Json)]
    [InlineData("application/graphql-response+json, */*;q=0.1", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/*;q=0.5", GraphQLResponse)]
    [InlineData("application/json;q=0, */*", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0, */*", Json)]
    [InlineData("application/json; charset=utf-16, application/graphql-response+json; charset=UTF-8", GraphQLResponse)]
    [InlineData("application/graphql-response+json; charset=iso-8859-1, application/json; q=0.2", Json)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Json)]
    [InlineData("text/html, application/graphql-response+json;q=0.1", GraphQLResponse)]
    public async Task The_response_type_is_negotiated(string? accept, string contentType)
    {
        var answer = await _client.PostAsync("""{"query":"{ __typename }"}""", accept);

        Assert.Equal(200, answer.Status);
        Assert.Equal(contentType, answer.ContentType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/*")]
    [InlineData("application/json;q=0")]
    [InlineData("*/*;q=0")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0, */*")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("!!!")]
    public async Task Nothing_acceptable_is_406_with_a_json_error_body(string accept)
    {
        foreach (var answer in new[]
        {
            await _client.PostAsync("""{"query":"{ __typename }"}""", accept),
            await _client.GetGraphQLAsync(Query(("query", "{ __typename }")), accept),
        })
        {
            Assert.Equal(406, answer.Status);
            Assert.Equal(Json, answer.ContentType);
            answer.AssertErrorBody(TransportErrorCodes.NotAcceptable);
            Assert.Equal(
                "The Accept header allows none of the response types served here: application/graphql-response+json and application/json.",
                answer.ErrorMessage);
        }
    }
}
