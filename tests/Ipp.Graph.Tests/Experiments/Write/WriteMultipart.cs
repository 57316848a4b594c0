using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// createExperiment as a GraphQL multipart request (operations, map, one part per file), as browsers' upload
/// clients send it: with the <c>GraphQL-Preflight</c> header and the token.
/// </summary>
public static class WriteMultipart
{
    public const string Boundary = "ipp-write-boundary-41c9";

    /// <summary>A file of the request: the attachment parameter, the client's file name, the bytes.</summary>
    public sealed record FilePart(string Parameter, string FileName, byte[] Content);

    /// <summary>The parts before the files: <c>operations</c> (files as null slots) and <c>map</c>.</summary>
    public static byte[] Head(object input, IReadOnlyList<(string Parameter, string FileName)> files)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = WriteFixture.Create,
            variables = new { input = Merge(input, files) },
        });
        var map = "{" + string.Join(',', files.Select((_, i) => $"\"{i}\":[\"variables.input.files.{i}.file\"]")) + "}";
        var head = new StringBuilder();
        AppendField(head, "operations", operations);
        AppendField(head, "map", map);
        return Encoding.UTF8.GetBytes(head.ToString());
    }

    /// <summary>The header of file part <paramref name="index"/>; its bytes and <see cref="PartEnd"/> follow.</summary>
    public static byte[] FileHeader(int index, string fileName) =>
        Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{index}\"; filename=\"{fileName.Replace("\"", "%22")}\"\r\nContent-Type: application/octet-stream\r\n\r\n");

    public static byte[] PartEnd => "\r\n"u8.ToArray();

    public static byte[] Close => Encoding.UTF8.GetBytes($"--{Boundary}--\r\n");

    /// <summary>Sends createExperiment with files; the GraphQL response.</summary>
    public static async Task<GraphQLResponse> CreateAsync(HttpClient client, string token, object input, params FilePart[] files)
    {
        using var body = new MemoryStream();
        body.Write(Head(input, files.Select(f => (f.Parameter, f.FileName)).ToList()));
        for (var i = 0; i < files.Length; i++)
        {
            body.Write(FileHeader(i, files[i].FileName));
            body.Write(files[i].Content);
            body.Write(PartEnd);
        }

        body.Write(Close);
        using var content = new ByteArrayContent(body.ToArray());
        using var response = await client.SendAsync(Request(token, content));
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), []);
    }

    /// <summary>The POST to /graphql carrying <paramref name="content"/> as a multipart body.</summary>
    public static HttpRequestMessage Request(string token, HttpContent content)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = content, Version = HttpVersion.Version11 };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("GraphQL-Preflight", "1");
        return request;
    }

    private static Dictionary<string, object?> Merge(object input, IReadOnlyList<(string Parameter, string FileName)> files)
    {
        var merged = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(input))!;
        merged["files"] = files.Select(f => new Dictionary<string, object?> { ["parameter"] = f.Parameter, ["file"] = null }).ToList();
        return merged;
    }

    private static void AppendField(StringBuilder body, string name, string json) =>
        body.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\nContent-Type: application/json\r\n\r\n{json}\r\n");
}
