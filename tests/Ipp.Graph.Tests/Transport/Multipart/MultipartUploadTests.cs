using System.Text;
using Ipp.Graph.Transport.Multipart;
using static Ipp.Graph.Tests.Transport.Multipart.MultipartRequests;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>
/// Well-formed GraphQL multipart requests on POST /graphql: the files reach the operation's variables as uploads,
/// the response is the one a JSON POST gets, and the incoming folder is empty once the request is over.
/// </summary>
public sealed class MultipartUploadTests(UploadServerFixture fixture) : IClassFixture<UploadServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_request_with_one_file_is_executed_and_leaves_nothing_in_incoming()
    {
        var answer = await _client.PostMultipartAsync(Body(Valid()), fixture.Token);

        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task Several_files_and_one_file_at_two_paths_are_accepted()
    {
        var map = """{"0":["variables.input.files.0.file","variables.input.files.2.file"],"1":["variables.input.files.1.file"]}""";
        Part[] parts = [Part.Json("operations", Operations(3)), Part.Json("map", map), Part.File("0", 10), Part.File("1", 0, "empty.txt")];

        var answer = await _client.PostMultipartAsync(Body(parts), fixture.Token);

        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    [Fact]
    public async Task A_client_built_multipart_content_is_read()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Operations(), Encoding.UTF8, "application/json"), "operations");
        content.Add(new StringContent(Map(), Encoding.UTF8, "application/json"), "map");
        content.Add(new ByteArrayContent(Part.Pattern(5000)), "0", "results ä.csv");

        var answer = await _client.PostContentAsync(content, fixture.Token);

        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    [Fact]
    public async Task The_file_replaces_the_null_so_a_string_variable_refuses_it()
    {
        // The file at a String! shows it reached the variables: coercion refuses an upload there.
        var map = """{"0":["variables.input.name"]}""";
        var operations = Operations(0).Replace("\"upload test\"", "null");
        var answer = await _client.PostMultipartAsync(Body([Part.Json("operations", operations), Part.Json("map", map), Part.File("0", 10)]), fixture.Token);

        Assert.Equal(400, answer.Status);
        Assert.Equal("BAD_USER_INPUT", answer.ErrorCode);
        Assert.StartsWith("Variable \"$input\" got invalid value", answer.ErrorMessage);
        Assert.Contains("String cannot represent a non string value", answer.ErrorMessage);
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    [Fact]
    public async Task The_response_is_negotiated_as_for_a_json_post()
    {
        var answer = await _client.PostMultipartAsync(Body(Valid()), fixture.Token, accept: "application/json");

        Assert.Equal(200, answer.Status);
        Assert.Equal(Http.HttpExchange.Json, answer.ContentType);
        answer.AssertExecuted();
    }

    [Fact]
    public async Task A_body_larger_than_the_json_body_limit_is_read()
    {
        // GraphQLHttp:MaxRequestBytes (1 MiB) governs JSON bodies; multipart bodies have the upload limits.
        var answer = await _client.PostMultipartAsync(Body(Valid(length: 3 * 1024 * 1024)), fixture.Token);

        answer.AssertExecuted();
        await fixture.Server.AssertIncomingEmptiesAsync();
    }

    [Theory]
    [InlineData("GraphQL-Preflight")]
    [InlineData("Apollo-Require-Preflight")]
    public async Task Either_preflight_header_lets_the_request_in(string header)
    {
        var answer = await Http.HttpExchange.SendAsync(
            _client, HttpMethod.Post, "graphql", Body(Valid()), ContentType, Http.HttpExchange.GraphQLResponse, (header, "true"), ("Authorization", "Bearer " + fixture.Token));

        answer.AssertExecuted();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Without_a_preflight_header_the_request_is_refused_before_any_file_is_stored(string? value)
    {
        (string, string)[] headers = value is null ? [] : [("GraphQL-Preflight", value)];
        var answer = await Http.HttpExchange.SendAsync(_client, HttpMethod.Post, "graphql", Body(Valid()), ContentType, Http.HttpExchange.GraphQLResponse, headers);

        Assert.Equal(400, answer.Status);
        answer.AssertErrorBody(UploadErrorCodes.UploadPreflightRequired);
        Assert.Equal("close", answer.Header("Connection"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.Server.IncomingPath()));
        Assert.Empty(fixture.Server.Logs.Errors);
    }
}
