using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>
/// A corpus of bad input for /graphql: broken and hostile JSON, wrong types, invalid UTF-8, documents and JSON
/// too large or too deep, wrong media types, absurd headers. Each gets a 4xx with a JSON error body, and the
/// server logs no error (bad input is not a server failure). Requests ask for application/graphql-response+json,
/// under which a GraphQL request error is a 400 (under application/json it would be a 200, as the spec says).
/// </summary>
public sealed class HttpBadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Accept = "application/graphql-response+json";

    private static readonly Dictionary<string, Func<HttpClient, Task<HttpAnswer>>> Corpus = new()
    {
        // Broken JSON.
        ["unterminated object"] = Post("""{"query":"{ __typename }" """),
        ["single quotes"] = Post("{'query':'{ __typename }'}"),
        ["trailing comma"] = Post("""{"query":"{ __typename }",}"""),
        ["comment"] = Post("""/* hello */ {"query":"{ __typename }"}"""),
        ["two documents"] = Post("""{"query":"{ __typename }"}{"query":"{ __typename }"}"""),
        ["NaN"] = Post("""{"query":"{ __typename }","variables":{"a":NaN}}"""),
        ["unquoted member"] = Post("""{query:"{ __typename }"}"""),
        ["control character in a string"] = Post("{\"query\":\"{ __typename\u0001}\"}"),
        ["binary"] = PostBytes([0x00, 0x01, 0xFF, 0xFE, 0x7B, 0x00]),
        ["empty body"] = Post(""),
        ["whitespace body"] = Post(" \r\n\t "),
        ["duplicate members"] = Post("""{"query":"{ __typename }","variables":{"a":1,"a":2}}"""),

        // Not a request object, or parameters of the wrong type.
        ["null body"] = Post("null"),
        ["array body"] = Post("""[{"query":"{ __typename }"}]"""),
        ["number body"] = Post("42"),
        ["no query"] = Post("""{"operationName":"A"}"""),
        ["numeric query"] = Post("""{"query":1}"""),
        ["array variables"] = Post("""{"query":"{ __typename }","variables":[1]}"""),
        ["string variables"] = Post("""{"query":"{ __typename }","variables":"{\"a\":1}"}"""),
        ["boolean extensions"] = Post("""{"query":"{ __typename }","extensions":false}"""),
        ["object operation name"] = Post("""{"query":"{ __typename }","operationName":{}}"""),

        // Variables of the wrong type for their definition.
        ["object for a Boolean"] = Post("""{"query":"query ($b: Boolean!) { __typename @skip(if: $b) }","variables":{"b":{"x":1}}}"""),
        ["string for a Boolean"] = Post("""{"query":"query ($b: Boolean!) { __typename @skip(if: $b) }","variables":{"b":"yes"}}"""),
        ["huge number for a Boolean"] = Post("""{"query":"query ($b: Boolean!) { __typename @skip(if: $b) }","variables":{"b":1e400}}"""),
        ["missing required variable"] = Post("""{"query":"query ($b: Boolean!) { __typename @skip(if: $b) }","variables":{}}"""),
        ["list for an ID"] = Post("""{"query":"query ($id: ID!) { node(id: $id) { id } }","variables":{"id":[1,2]}}"""),

        // Invalid UTF-8 and odd characters.
        ["invalid UTF-8 in a string"] = PostBytes([.. """{"query":"{ __typename"""u8, 0xFF, 0xFE, .. """ }"}"""u8]),
        ["overlong UTF-8"] = PostBytes([.. """{"query":"{ __typename"""u8, 0xC0, 0xAF, .. """ }"}"""u8]),
        ["UTF-16 labelled UTF-8"] = PostBytes(Encoding.Unicode.GetBytes("""{"query":"{ __typename }"}""")),
        ["lone surrogate in the query"] = Post("""{"query":"{ \ud800 }"}"""),
        ["NUL in the query"] = Post("""{"query":"{ \u0000 }"}"""),

        // Too large or too deep.
        ["body over the size limit"] = Post("""{"query":"{ __typename }","pad":" """ + new string('x', 2 * 1024 * 1024) + "\"}"),
        ["document over the length limit"] = Post(Request("{ __typename " + new string(' ', 150_000) + "}")),
        ["document over the token limit"] = Post(Request("{ " + string.Concat(Enumerable.Repeat("__typename ", 16_000)) + "}")),
        ["document nested too deep"] = Post(Request(new string('{', 5_000) + new string('}', 5_000))),
        ["fields nested too deep"] = Post(Request(string.Concat(Enumerable.Repeat("{ __type(name: \"Query\") { fields ", 30)) + "{ name }" + new string('}', 60))),
        ["list literal nested too deep"] = Post(Request("{ __type(name: " + new string('[', 3_000) + "\"x\"" + new string(']', 3_000) + ") { name } }")),
        ["too many aliases"] = Post(Request("{ " + string.Concat(Enumerable.Range(0, 100).Select(i => $"a{i}: __typename ")) + "}")),
        ["JSON nested too deep"] = Post("""{"query":"{ __typename }","variables":{"a":""" + new string('[', 10_000) + new string(']', 10_000) + "}}"),
        ["fragment cycle"] = Post(Request("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")),

        // Wrong media types.
        ["no content type"] = Post("""{"query":"{ __typename }"}""", contentType: null),
        ["text/plain"] = Post("""{"query":"{ __typename }"}""", contentType: "text/plain"),
        ["form"] = Post("query=%7B__typename%7D", contentType: "application/x-www-form-urlencoded"),
        ["multipart"] = Post("--x\r\n\r\n{}\r\n--x--", contentType: "multipart/form-data; boundary=x"),
        ["application/graphql"] = Post("{ __typename }", contentType: "application/graphql"),
        ["UTF-16 charset"] = Post("""{"query":"{ __typename }"}""", contentType: "application/json; charset=utf-16"),
        ["empty charset"] = Post("""{"query":"{ __typename }"}""", contentType: "application/json; charset="),
        ["garbage content type"] = Post("""{"query":"{ __typename }"}""", contentType: ";;;==="),
        ["enormous content type"] = Post("""{"query":"{ __typename }"}""", contentType: "application/json; x=" + new string('y', 8_000) + "; charset=ebcdic"),

        // Absurd Accept headers.
        ["thousands of unacceptable types"] = Post("""{"query":"{ __typename }"}""", accept: string.Join(", ", Enumerable.Range(0, 2_000).Select(i => $"a{i}/b;q=0.5"))),
        ["invalid quality"] = Post("""{"query":"{ __typename }"}""", accept: "application/json;q=abc"),
        ["acceptable types in another charset"] = Post("""{"query":"{ __typename }"}""", accept: "application/json;charset=latin1, application/graphql-response+json;charset=ucs-2"),
        ["only HTML"] = Post("""{"query":"{ __typename }"}""", accept: "text/html"),

        // GET.
        ["GET without a query"] = Get(""),
        ["GET with a bad escape"] = Get("query=%ZZ"),
        ["GET with invalid UTF-8"] = Get("query=%7B%FF%FE%7D"),
        ["GET with a mutation"] = Get("query=mutation%20%7B%20logout%20%7B%20loggedOut%20%7D%20%7D"),
        ["GET with variables nested too deep"] = Get("query=%7B__typename%7D&variables=" + Uri.EscapeDataString("{\"a\":" + new string('[', 1_000) + new string(']', 1_000) + "}")),
        ["GET with broken variables"] = Get("query=%7B__typename%7D&variables=%7Bnope"),
        ["GET with the query twice"] = Get("query=%7B__typename%7D&query=%7Bme%7Bid%7D%7D"),
    };

    public static TheoryData<string> Cases => new(Corpus.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_4xx_with_a_json_error_body_and_logs_no_error(string name)
    {
        var answer = await Corpus[name](fixture.Client);

        Assert.True(answer.Status is >= 400 and < 500, $"{name}: {answer}");
        Assert.Matches("^application/(graphql-response\\+)?json; charset=utf-8$", answer.ContentType);
        AssertErrorsOnly(answer.Body);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    /// <summary>
    /// Escapes of lone surrogates (half a UTF-16 pair, which is no character) in member names, at any depth, and in
    /// string values: refused as not being JSON this server accepts, over POST and GET alike.
    /// </summary>
    public static TheoryData<string> LoneSurrogateRequests => new(
        Body("""{"query":"{ __typename }","variables":{"\udc00":1}}"""),
        Body("""{"query":"{ __typename }","\ud800":1}"""),
        Body("""{"\udbff":{},"query":"{ __typename }"}"""),
        Body("""{"query":"{ __typename }","variables":{"a":{"b":[{"c":{"\udfff":null}}]}}}"""),
        Body("""{"query":"{ __typename }","extensions":{"\udc00\ud800":true}}"""),
        Body("""{"query":"{ __typename }","extensions":{"persistedQuery":{"sha256Hash\ud83d":"x"}}}"""),
        Body("""{"query":"query ($s: String!) { __type(name: $s) { name } }","variables":{"s":"a\udc00b"}}"""),
        Body("""{"query":"{ __typename }","operationName":"\ud800"}"""),
        Body("""{"query":"{ __typename }","extensions":{"a":["\\\\\udc00"]}}"""),
        "GET variables=" + Uri.EscapeDataString("""{"\udc00":1}"""),
        "GET variables=" + Uri.EscapeDataString("""{"a":{"\ud800":1}}"""),
        "GET variables=" + Uri.EscapeDataString("""{"s":"\udc00"}"""),
        "GET extensions=" + Uri.EscapeDataString("""{"\udfff":{}}"""));

    [Theory]
    [MemberData(nameof(LoneSurrogateRequests))]
    public async Task A_lone_surrogate_escape_anywhere_in_the_JSON_is_a_400_bad_request_logged_as_no_error(string request)
    {
        var answer = request.StartsWith("GET ", StringComparison.Ordinal)
            ? await fixture.Client.GetGraphQLAsync("query=%7B__typename%7D&" + request["GET ".Length..], Accept)
            : await fixture.Client.SendAsync(HttpMethod.Post, "graphql", Encoding.UTF8.GetBytes(request["POST ".Length..]), "application/json", Accept);

        Assert.True(answer.Status == 400, answer.ToString());
        answer.AssertErrorBody("BAD_REQUEST");
        Assert.Contains("is a lone surrogate", answer.ErrorMessage);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Theory]
    [InlineData("""{"query":"query ($s: String!) { __type(name: $s) { name } }","variables":{"s":"\\udc00 \\\\\\ud800 \ud83d\ude00 \uDBFF\uDFFF"}}""", """{"data":{"__type":null}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"\ud83d\ude00":"\\\\"}}""", """{"data":{"__typename":"Query"}}""")]
    public async Task Escaped_backslashes_before_u_and_surrogate_pairs_are_no_lone_surrogates(string body, string expected)
    {
        var answer = await fixture.Client.SendAsync(HttpMethod.Post, "graphql", Encoding.UTF8.GetBytes(body), "application/json", Accept);

        Assert.Equal((200, expected), (answer.Status, answer.Body));
    }

    [Theory]
    [InlineData("Bearer !!!")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Negotiate abc")]
    [InlineData("Bearer a.b.c.d.e.f")]
    public async Task Absurd_credentials_make_an_anonymous_caller_not_an_error(string authorization)
    {
        var answer = await fixture.Client.SendAsync(
            HttpMethod.Post, "graphql", """{"query":"{ me { id } }"}"""u8.ToArray(), "application/json", Accept, ("Authorization", authorization));

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"me":null}}""", answer.Body);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task An_enormous_bearer_token_and_cookie_make_an_anonymous_caller()
    {
        var answer = await fixture.Client.SendAsync(
            HttpMethod.Post,
            "graphql",
            """{"query":"{ me { id } }"}"""u8.ToArray(),
            "application/json",
            Accept,
            ("Authorization", "Bearer " + new string('A', 8_000)),
            ("Cookie", "ipp_session=" + new string('%', 8_000)));

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"data":{"me":null}}""", answer.Body);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Theory]
    [InlineData("malformed chunk", "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n")]
    [InlineData("chunk size overflow", "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")]
    public async Task A_body_kestrel_finds_malformed_while_it_is_read_gets_a_400_with_a_json_error_body(string name, string request)
    {
        var (status, body) = await RawAsync(request);

        Assert.True(status == 400, $"{name}: {status} {body}");
        AssertErrorsOnly(body);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    /// <summary>
    /// Requests Kestrel refuses before the application sees them (header limits, malformed request lines): it
    /// answers with a bare 4xx of its own, which no middleware can give a body; the point is that nothing breaks.
    /// </summary>
    [Theory]
    [InlineData("GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\nX-Huge: {0}\r\nConnection: close\r\n\r\n", 431)]
    [InlineData("GET /graphql?query={0} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414)]
    [InlineData("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{0}", 400)]
    [InlineData("GET /graphql HTTP/1.1\r\nHost: x\r\nBad Header: {0}\r\nConnection: close\r\n\r\n", 431)]
    [InlineData("GET /graphql HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\nConnection: close\r\n\r\n", 400)]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    public async Task Requests_kestrel_refuses_before_the_application_get_a_4xx_and_log_no_error(string template, int expected)
    {
        var (status, _) = await RawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('a', 40_000)));

        Assert.Equal(expected, status);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    private static void AssertErrorsOnly(string body)
    {
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["errors"], json.RootElement.EnumerateObject().Select(member => member.Name));
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.GetArrayLength() > 0);
        foreach (var error in errors.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("extensions").GetProperty("code").GetString()));
        }
    }

    private static string Request(string query) => JsonSerializer.Serialize(new { query });

    private static string Body(string json) => "POST " + json;

    private static Func<HttpClient, Task<HttpAnswer>> Post(string body, string? accept = Accept, string? contentType = "application/json") =>
        client => client.SendAsync(HttpMethod.Post, "graphql", Encoding.UTF8.GetBytes(body), contentType, accept);

    private static Func<HttpClient, Task<HttpAnswer>> PostBytes(byte[] body) =>
        client => client.SendAsync(HttpMethod.Post, "graphql", body, "application/json", Accept);

    private static Func<HttpClient, Task<HttpAnswer>> Get(string query) =>
        client => client.GetGraphQLAsync(query, Accept);

    /// <summary>Sends raw bytes and reads the response until the server closes; the body is de-chunked.</summary>
    private async Task<(int Status, string Body)> RawAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(fixture.Server.Address.Host, fixture.Server.Address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received);
        }
        catch (IOException)
        {
            // Kestrel may reset the connection once it answered.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(headerEnd > 0, "No response: " + text);
        var head = text[..headerEnd];
        var body = text[(headerEnd + 4)..];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = ChunkedBody.Decode(body);
        }

        return (status, body);
    }
}
