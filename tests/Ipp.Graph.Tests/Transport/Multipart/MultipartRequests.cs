using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Http;

namespace Ipp.Graph.Tests.Transport.Multipart;

/// <summary>One part of a hand-built multipart body: its form-data name, file name (none for JSON parts) and bytes.</summary>
public sealed record Part(string Name, string? FileName, byte[] Content)
{
    public static Part Json(string name, string json) => new(name, null, Encoding.UTF8.GetBytes(json));

    public static Part File(string name, int length, string fileName = "data.bin") => new(name, fileName, Pattern(length));

    /// <summary>Deterministic bytes (not all one value, so a misplaced byte shows).</summary>
    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 31 + 7);
        }

        return bytes;
    }
}

/// <summary>GraphQL multipart requests for the tests: the operations, maps and bodies, and how they are sent.</summary>
public static class MultipartRequests
{
    public const string Boundary = "ipp-test-boundary-7d3c";

    public const string ContentType = "multipart/form-data; boundary=" + Boundary;

    /// <summary>The contract's mutation that takes files.</summary>
    public const string CreateExperiment = "mutation ($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id } } }";

    /// <summary><c>operations</c> for createExperiment with <paramref name="files"/> file slots, each null.</summary>
    public static string Operations(int files = 1)
    {
        var slots = string.Join(',', Enumerable.Range(0, files).Select(i => $$"""{"parameter":"input{{i}}","file":null}"""));
        return "{\"query\":" + JsonSerializer.Serialize(CreateExperiment)
            + ",\"variables\":{\"input\":{\"application\":\"demo\",\"name\":\"upload test\",\"files\":[" + slots + "]}}}";
    }

    /// <summary><c>map</c> putting part <c>i</c> at <c>variables.input.files.i.file</c>.</summary>
    public static string Map(int files = 1) =>
        "{" + string.Join(',', Enumerable.Range(0, files).Select(i => $"\"{i}\":[\"variables.input.files.{i}.file\"]")) + "}";

    /// <summary>A well-formed request with <paramref name="files"/> files of <paramref name="length"/> bytes.</summary>
    public static Part[] Valid(int files = 1, int length = 1000) =>
        [Part.Json("operations", Operations(files)), Part.Json("map", Map(files)), .. Enumerable.Range(0, files).Select(i => Part.File(i.ToString(), length))];

    /// <summary>The body of <paramref name="parts"/>; without the closing boundary when <paramref name="close"/> is false.</summary>
    public static byte[] Body(IEnumerable<Part> parts, bool close = true)
    {
        using var body = new MemoryStream();
        foreach (var part in parts)
        {
            var disposition = $"form-data; name=\"{part.Name}\"" + (part.FileName is null ? "" : $"; filename=\"{part.FileName}\"");
            var type = part.FileName is null ? "application/json" : "application/octet-stream";
            body.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: {type}\r\n\r\n"));
            body.Write(part.Content);
            body.Write("\r\n"u8);
        }

        if (close)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{Boundary}--\r\n"));
        }

        return body.ToArray();
    }

    /// <summary>POSTs a hand-built multipart body to /graphql with a preflight header (unless told otherwise) and a token when given.</summary>
    public static Task<HttpAnswer> PostMultipartAsync(
        this HttpClient client, byte[] body, string? token = null, string contentType = ContentType, bool preflight = true, string accept = HttpExchange.GraphQLResponse)
    {
        List<(string, string)> headers = [];
        if (preflight)
        {
            headers.Add(("GraphQL-Preflight", "1"));
        }

        if (token is not null)
        {
            headers.Add(("Authorization", "Bearer " + token));
        }

        return client.SendAsync(HttpMethod.Post, "graphql", body, contentType, accept, [.. headers]);
    }

    /// <summary>POSTs <paramref name="content"/> (a client's own multipart content) with a preflight header and the token.</summary>
    public static async Task<HttpAnswer> PostContentAsync(this HttpClient client, HttpContent content, string? token, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content };
        request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new HttpAnswer((int)response.StatusCode, response.Headers, response.Content.Headers, text);
    }

    /// <summary>The server's incoming folder.</summary>
    public static string IncomingPath(this RunningServer server) => Path.Combine(server.UploadFolder, ".instances", RunningServer.InstanceId, "incoming");

    /// <summary>
    /// Waits until the incoming folder is empty (the request deletes its files as it ends, which may be just after
    /// the client read the response); fails if it is not within a generous while.
    /// </summary>
    public static async Task AssertIncomingEmptiesAsync(this RunningServer server)
    {
        var incoming = server.IncomingPath();
        for (var attempt = 0; attempt < 200 && Directory.EnumerateFileSystemEntries(incoming).Any(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(incoming));
    }

    /// <summary>Asserts the request began executing: a GraphQL response with <c>data</c> (whatever the mutation answered).</summary>
    public static void AssertExecuted(this HttpAnswer answer)
    {
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.True(answer.Json.TryGetProperty("data", out _), answer.ToString());
    }
}
