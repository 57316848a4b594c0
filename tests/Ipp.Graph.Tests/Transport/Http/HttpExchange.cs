using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Ipp.Graph.Tests.Transport.Http;

/// <summary>An HTTP response as the tests look at it: status, headers and body text.</summary>
public sealed class HttpAnswer
{
    public HttpAnswer(int status, HttpResponseHeaders headers, HttpContentHeaders contentHeaders, string body)
    {
        Status = status;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Body = body;
    }

    public int Status { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpContentHeaders ContentHeaders { get; }

    public string Body { get; }

    /// <summary>The Content-Type header as the server wrote it.</summary>
    public string? ContentType => ContentHeaders.TryGetValues("Content-Type", out var values) ? string.Join(", ", values) : null;

    /// <summary>The body as JSON.</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary>The <c>extensions.code</c> of the only error of the body.</summary>
    public string? ErrorCode => Error.GetProperty("extensions").GetProperty("code").GetString();

    /// <summary>The message of the only error of the body.</summary>
    public string? ErrorMessage => Error.GetProperty("message").GetString();

    private JsonElement Error
    {
        get
        {
            var errors = Json.GetProperty("errors");
            Assert.Equal(1, errors.GetArrayLength());
            return errors[0];
        }
    }

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    /// <summary>Asserts the body is a JSON error body: <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c> and nothing else.</summary>
    public void AssertErrorBody(string code)
    {
        Assert.Equal(JsonValueKind.Object, Json.ValueKind);
        Assert.Equal(["errors"], Json.EnumerateObject().Select(member => member.Name));
        Assert.False(string.IsNullOrWhiteSpace(ErrorMessage));
        Assert.Equal(code, ErrorCode);
    }

    public override string ToString() => $"{Status} {ContentType}: {Body}";
}

/// <summary>Sends HTTP requests with exactly the headers a test gives (HttpClient adds no Accept of its own).</summary>
public static class HttpExchange
{
    public const string GraphQLResponse = "application/graphql-response+json; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";

    /// <summary>POSTs <paramref name="body"/> to /graphql as <c>application/json</c> unless told otherwise.</summary>
    public static Task<HttpAnswer> PostAsync(this HttpClient client, string body, string? accept = null, string? contentType = "application/json") =>
        client.SendAsync(HttpMethod.Post, "graphql", Encoding.UTF8.GetBytes(body), contentType, accept);

    /// <summary>GETs /graphql with the query string given (without its "?").</summary>
    public static Task<HttpAnswer> GetGraphQLAsync(this HttpClient client, string query, string? accept = null) =>
        client.SendAsync(HttpMethod.Get, "graphql?" + query, null, null, accept);

    /// <summary>A query string of these parameters, encoded as URLSearchParams encodes them.</summary>
    public static string Query(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(parameter => Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(parameter.Value)));

    public static async Task<HttpAnswer> SendAsync(
        this HttpClient client, HttpMethod method, string path, byte[]? body, string? contentType, string? accept, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.Remove("Content-Type");
            if (contentType is not null)
            {
                Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType));
            }
        }

        if (accept is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Accept", accept));
        }

        foreach (var (name, value) in headers)
        {
            Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new HttpAnswer((int)response.StatusCode, response.Headers, response.Content.Headers, text);
    }
}
