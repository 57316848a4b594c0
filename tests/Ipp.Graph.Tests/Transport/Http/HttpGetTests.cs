using Ipp.Graph.Transport;
using static Ipp.Graph.Tests.Transport.Http.HttpExchange;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>GET /graphql: the request in the query string, queries only.</summary>
public sealed class HttpGetTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/json", Json)]
    [InlineData(null, Json)]
    public async Task A_query_in_the_query_string_answers_200_with_its_data(string? accept, string contentType)
    {
        var answer = await _client.GetGraphQLAsync(Query(("query", "{ __typename }")), accept);

        Assert.Equal(200, answer.Status);
        Assert.Equal(contentType, answer.ContentType);
        Assert.Equal("Accept", answer.Header("Vary"));
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Fact]
    public async Task Variables_and_extensions_are_json_text_and_an_empty_operation_name_means_none()
    {
        var answer = await _client.GetGraphQLAsync(Query(
            ("query", "query Type($name: String!) { __type(name: $name) { name } }"),
            ("operationName", ""),
            ("variables", """{"name":"Mutation"}"""),
            ("extensions", """{"some":"value"}""")));

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__type":{"name":"Mutation"}}}""", answer.Body);
    }

    [Fact]
    public async Task The_operation_name_selects_the_operation()
    {
        var answer = await _client.GetGraphQLAsync(Query(("query", "query A { a: __typename } query B { b: __typename }"), ("operationName", "B")));

        Assert.Equal("""{"data":{"b":"Query"}}""", answer.Body);
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData("mutation M { __typename } query Q { __typename }", "M")]
    public async Task A_mutation_over_get_is_405_with_allow_post_and_is_not_run(string document, string? operationName)
    {
        var parameters = operationName is null ? Query(("query", document)) : Query(("query", document), ("operationName", operationName));

        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var answer = await _client.GetGraphQLAsync(parameters, accept);

            Assert.Equal(405, answer.Status);
            Assert.Equal("POST", answer.Header("Allow"));
            answer.AssertErrorBody(TransportErrorCodes.MethodNotAllowed);
            Assert.Equal("A mutation cannot be sent with GET, which must not change anything: send it with POST.", answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task A_mutation_over_get_changes_nothing()
    {
        var email = $"get-{Guid.NewGuid():n}@example.org";
        var mutation = $$"""mutation { createUser(input: {email: "{{email}}", password: "correct horse battery"}) { token } }""";

        var overGet = await _client.GetGraphQLAsync(Query(("query", mutation)));
        var overPost = await _client.PostAsync($$"""{"query":{{System.Text.Json.JsonSerializer.Serialize(mutation)}}}""", "application/graphql-response+json");

        Assert.Equal(405, overGet.Status);
        Assert.Equal(200, overPost.Status);
        Assert.True(overPost.Json.GetProperty("data").GetProperty("createUser").GetProperty("token").GetString()!.Length > 0);
    }

    [Fact]
    public async Task A_query_beside_a_mutation_may_be_run_over_get()
    {
        var answer = await _client.GetGraphQLAsync(Query(("query", "mutation M { __typename } query Q { __typename }"), ("operationName", "Q")));

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Theory]
    [InlineData("", "The request has no \"query\" parameter: it must hold the GraphQL document.")]
    [InlineData("operationName=A", "The request has no \"query\" parameter: it must hold the GraphQL document.")]
    [InlineData("query=%7B__typename%7D&query=%7B__typename%7D", "The \"query\" parameter is given 2 times; give it once.")]
    [InlineData("query=%7B__typename%7D&variables=%7B%7D&variables=%7B%7D", "The \"variables\" parameter is given 2 times; give it once.")]
    [InlineData("query=%7B__typename%7D&variables=%7B", "The \"variables\" parameter is not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 1.")]
    [InlineData("query=%7B__typename%7D&variables=%5B7%5D", "The \"variables\" parameter must be a JSON object, not an array.")]
    [InlineData("query=%7B__typename%7D&variables=%22text%22", "The \"variables\" parameter must be a JSON object, not a string.")]
    [InlineData("query=%7B__typename%7D&extensions=0", "The \"extensions\" parameter must be a JSON object, not a number.")]
    public async Task A_query_string_that_is_not_a_well_formed_request_is_400(string query, string message)
    {
        var answer = await _client.GetGraphQLAsync(query, "application/json");

        Assert.Equal(400, answer.Status);
        Assert.Equal(Json, answer.ContentType);
        answer.AssertErrorBody(TransportErrorCodes.BadRequest);
        Assert.Equal(message, answer.ErrorMessage);
    }

    [Fact]
    public async Task Null_variables_in_the_query_string_count_as_absent()
    {
        var answer = await _client.GetGraphQLAsync(Query(("query", "{ __typename }"), ("variables", "null"), ("extensions", "null")));

        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Fact]
    public async Task A_request_error_over_get_has_the_status_of_its_media_type()
    {
        var modern = await _client.GetGraphQLAsync(Query(("query", "{ notAField }")), "application/graphql-response+json");
        var legacy = await _client.GetGraphQLAsync(Query(("query", "{ notAField }")), "application/json");

        Assert.Equal(400, modern.Status);
        Assert.Equal(200, legacy.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", modern.ErrorCode);
    }
}
