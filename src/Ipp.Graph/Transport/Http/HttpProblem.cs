using Ipp.Graph.GraphQL;
using Microsoft.AspNetCore.WebUtilities;

namespace Ipp.Graph.Transport.Http;

/// <summary>Why an HTTP request gets no GraphQL response: the status, the error code and a message for the client.</summary>
public readonly record struct HttpProblem(int Status, string Code, string Message)
{
    public static HttpProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, ServerErrorCodes.BadRequest, message);

    public static HttpProblem UnsupportedMediaType(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, ServerErrorCodes.UnsupportedMediaType, message);

    public static HttpProblem PayloadTooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ServerErrorCodes.PayloadTooLarge, $"The request body is larger than the limit of {limit} bytes.");

    public static HttpProblem NotAcceptable(string message) => new(StatusCodes.Status406NotAcceptable, ServerErrorCodes.NotAcceptable, message);

    /// <summary>A problem for a bare status code (a 404 from routing, a 400 from Kestrel): its reason phrase and code.</summary>
    public static HttpProblem ForStatus(int status)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(status);
        return new HttpProblem(status, CodeFor(status), phrase.Length > 0 ? phrase + "." : $"HTTP status {status}.");
    }

    /// <summary>The <c>extensions.code</c> of an error answered with <paramref name="status"/>.</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ServerErrorCodes.AuthNotAuthenticated,
        StatusCodes.Status404NotFound => ServerErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ServerErrorCodes.MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => ServerErrorCodes.NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => ServerErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ServerErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ServerErrorCodes.RateLimited,
        >= 500 => Engine.Error.ErrorCodes.InternalServerError,
        _ => ServerErrorCodes.BadRequest,
    };
}
