using System.Text.Encodings.Web;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Transport.Http;

/// <summary>Writes GraphQL responses and JSON error bodies straight to an HTTP response, as UTF-8 JSON.</summary>
public static class HttpResponses
{
    /// <summary>
    /// Relaxed escaping: responses are served as JSON, never embedded in HTML, so non-ASCII text is written as it is
    /// rather than as \u escapes. Validation is off: the engine's writer produces well-formed JSON.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>
    /// Marks a GraphQL response (over HTTP or an event stream) as one no cache may keep: each is for its caller alone,
    /// and some carry a session token (<c>createUser</c>, <c>authenticate</c>).
    /// </summary>
    public static void ForbidStoring(HttpResponse response) => response.Headers.CacheControl = "no-store";

    /// <summary>The Content-Type header of a response in <paramref name="format"/>.</summary>
    public static string ContentTypeOf(GraphQLResponseFormat format) =>
        format == GraphQLResponseFormat.GraphQLResponseJson ? MediaTypes.GraphQLResponseJsonUtf8 : MediaTypes.JsonUtf8;

    /// <summary>Writes <paramref name="result"/> as the response, with <paramref name="status"/> and <paramref name="contentType"/>.</summary>
    public static async Task WriteResultAsync(HttpContext context, ExecutionResult result, int status, string contentType)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            result.WriteTo(writer);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>Writes <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c> with the problem's status.</summary>
    public static Task WriteProblemAsync(
        HttpContext context, HttpProblem problem, string contentType = MediaTypes.JsonUtf8, IReadOnlyDictionary<string, object?>? extensions = null) =>
        WriteResultAsync(context, ExecutionResult.FromError(new GraphQLError(problem.Message, code: problem.Code, extensions: extensions)), problem.Status, contentType);
}
