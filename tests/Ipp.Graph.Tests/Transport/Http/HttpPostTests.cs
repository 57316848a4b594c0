using System.Text;
using Ipp.Graph.Transport;
using static Ipp.Graph.Tests.Transport.Http.HttpExchange;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>POST /graphql: the JSON body, its media type and charset, the request parameters, and the status code each media type gives.</summary>
public sealed class HttpPostTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/json", Json)]
    public async Task A_query_answers_200_with_its_data_in_the_accepted_type(string accept, string contentType)
    {
        var answer = await _client.PostAsync("""{"query":"{ __typename }"}""", accept);

        Assert.Equal(200, answer.Status);
        Assert.Equal(contentType, answer.ContentType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("Application/JSON; Charset=utf8")]
    public async Task A_json_body_in_utf8_is_read_whatever_the_spelling_of_its_media_type(string contentType)
    {
        var answer = await _client.PostAsync("""{"query":"{ __type(name: \"Run🏃Swim🏊\") { name } }"}""", contentType: contentType);

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__type":null}}""", answer.Body);
    }

    [Theory]
    [InlineData("application/json; charset=utf-16", "The request body must be UTF-8, not utf-16.")]
    [InlineData("application/json; charset=latin1", "The request body must be UTF-8, not latin1.")]
    [InlineData("text/plain", "The request body must be application/json; charset=utf-8.")]
    [InlineData("application/graphql", "The request body must be application/json; charset=utf-8.")]
    [InlineData("application/x-www-form-urlencoded", "The request body must be application/json; charset=utf-8.")]
    [InlineData("application/jsonx", "The request body must be application/json; charset=utf-8.")]
    [InlineData(null, "The request has no Content-Type: send the GraphQL request as application/json.")]
    public async Task A_body_of_another_type_or_charset_is_refused_with_415(string? contentType, string message)
    {
        var answer = await _client.PostAsync("""{"query":"{ __typename }"}""", "application/graphql-response+json", contentType);

        Assert.Equal(415, answer.Status);
        Assert.Equal(GraphQLResponse, answer.ContentType);
        answer.AssertErrorBody(TransportErrorCodes.UnsupportedMediaType);
        Assert.Equal(message, answer.ErrorMessage);
    }

    [Fact]
    public async Task Variables_operation_name_and_extensions_reach_the_engine()
    {
        var answer = await _client.PostAsync("""
            {
              "query": "query A { a: __typename } query B($name: String!) { __type(name: $name) { name kind } }",
              "operationName": "B",
              "variables": { "name": "User" },
              "extensions": { "persistedQuery": { "version": 1 } },
              "someFutureMember": [1, 2]
            }
            """);

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__type":{"name":"User","kind":"OBJECT"}}}""", answer.Body);
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("operationName")]
    [InlineData("extensions")]
    public async Task A_null_parameter_counts_as_absent(string parameter)
    {
        var answer = await _client.PostAsync($$"""{"query":"{ __typename }","{{parameter}}":null}""", "application/graphql-response+json");

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Theory]
    [InlineData("""{"query":"{"}""", "GRAPHQL_PARSE_FAILED")]
    [InlineData("""{"query":"{ notAField }"}""", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("""{"query":"query A { __typename } query B { __typename }"}""", "OPERATION_RESOLUTION_FAILURE")]
    [InlineData("""{"query":"{ __typename }","operationName":"Missing"}""", "OPERATION_RESOLUTION_FAILURE")]
    [InlineData("""{"query":"query ($id: ID!) { node(id: $id) { id } }","variables":{"id":null}}""", "BAD_USER_INPUT")]
    [InlineData("""{"query":"query ($id: ID!) { node(id: $id) { id } }"}""", "BAD_USER_INPUT")]
    [InlineData("""{"query":"subscription { sessionEnded { reason } }"}""", "BAD_REQUEST")]
    public async Task A_request_error_is_400_under_graphql_response_json_and_200_under_json(string body, string code)
    {
        var modern = await _client.PostAsync(body, "application/graphql-response+json");
        var legacy = await _client.PostAsync(body, "application/json");

        Assert.Equal(400, modern.Status);
        Assert.Equal(GraphQLResponse, modern.ContentType);
        Assert.Equal(200, legacy.Status);
        Assert.Equal(Json, legacy.ContentType);
        Assert.Equal(modern.Body, legacy.Body);
        Assert.False(modern.Json.TryGetProperty("data", out _));
        Assert.Equal(code, modern.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_subscription_is_refused_without_being_run_and_says_where_to_subscribe()
    {
        var answer = await _client.PostAsync("""{"query":"subscription { sessionEnded { reason } }"}""", "application/graphql-response+json");

        Assert.Equal(
            """{"errors":[{"message":"Subscriptions are not served over plain HTTP requests: subscribe over a WebSocket (graphql-transport-ws) or Server-Sent Events.","extensions":{"code":"BAD_REQUEST"}}]}""",
            answer.Body);
    }

    [Theory]
    [InlineData("", "The request body is empty: it must be a JSON object.")]
    [InlineData("NONSENSE", "The request body is not valid JSON: 'N' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0.")]
    [InlineData("""{"query":""", "The request body is not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 9.")]
    [InlineData("""["query"]""", "A GraphQL request must be a JSON object, not an array.")]
    [InlineData("\"{ __typename }\"", "A GraphQL request must be a JSON object, not a string.")]
    [InlineData("null", "A GraphQL request must be a JSON object, not null.")]
    [InlineData("""{"qeury":"{ __typename }"}""", "The request has no \"query\" parameter: it must hold the GraphQL document as a string.")]
    [InlineData("""{"query":null}""", "The request has no \"query\" parameter: it must hold the GraphQL document as a string.")]
    [InlineData("""{"query":{"obj":"ect"}}""", "The \"query\" parameter must be a string, not an object.")]
    [InlineData("""{"query":0}""", "The \"query\" parameter must be a string, not a number.")]
    [InlineData("""{"query":false}""", "The \"query\" parameter must be a string, not a boolean.")]
    [InlineData("""{"query":["array"]}""", "The \"query\" parameter must be a string, not an array.")]
    [InlineData("""{"query":"{ __typename }","operationName":7}""", "The \"operationName\" parameter must be a string, not a number.")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""", "The \"variables\" parameter must be an object, not a string.")]
    [InlineData("""{"query":"{ __typename }","variables":[7]}""", "The \"variables\" parameter must be an object, not an array.")]
    [InlineData("""{"query":"{ __typename }","extensions":true}""", "The \"extensions\" parameter must be an object, not a boolean.")]
    [InlineData("""{"query":"{ a: __typename }","query":"{ b: __typename }"}""", "The request body is not valid JSON: Duplicate property 'query' encountered during deserialization.")]
    public async Task A_body_that_is_not_a_well_formed_request_is_400_under_either_type(string body, string message)
    {
        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var answer = await _client.PostAsync(body, accept);

            Assert.Equal(400, answer.Status);
            answer.AssertErrorBody(TransportErrorCodes.BadRequest);
            Assert.Equal(message, answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_400_even_where_the_json_reader_would_not_look()
    {
        // 0xC0 0xAF is an overlong "/" inside a string: the JSON reader accepts it until the string is read.
        var answer = await _client.SendAsync(
            HttpMethod.Post, "graphql", [.. """{"query":"{ __typename }","x":"""u8, 0x22, 0xC0, 0xAF, 0x22, 0x7D], "application/json", "application/json");

        Assert.Equal(400, answer.Status);
        answer.AssertErrorBody(TransportErrorCodes.BadRequest);
        Assert.Equal("The request body is not valid UTF-8.", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_body_of_exactly_the_size_limit_is_read()
    {
        var answer = await _client.PostAsync(Padded("""{"query":"{ __typename }"}""", 1024 * 1024));

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", answer.Body);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var answer = await _client.PostAsync(Padded("""{"query":"{ __typename }"}""", 1024 * 1024 + 1), "application/graphql-response+json");

        Assert.Equal(413, answer.Status);
        Assert.Equal(GraphQLResponse, answer.ContentType);
        answer.AssertErrorBody(TransportErrorCodes.PayloadTooLarge);
        Assert.Equal("The request body is larger than the limit of 1048576 bytes.", answer.ErrorMessage);
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_refused_with_413_once_it_passes_the_limit()
    {
        var body = Encoding.UTF8.GetBytes(Padded("""{"query":"{ __typename }"}""", 3 * 1024 * 1024));
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StreamContent(new MemoryStream(body)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Contains("PAYLOAD_TOO_LARGE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unexpected_exceptions_are_not_logged_for_any_of_this()
    {
        await _client.PostAsync("NONSENSE");
        await _client.PostAsync("""{"query":"{"}""", "application/graphql-response+json");

        Assert.Empty(fixture.Server.Logs.Errors);
    }

    /// <summary><paramref name="json"/> followed by spaces up to <paramref name="length"/> bytes.</summary>
    private static string Padded(string json, int length) => json + new string(' ', length - Encoding.UTF8.GetByteCount(json));
}
