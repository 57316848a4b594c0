using Ipp.Graph.Authorization;
using Ipp.Graph.GraphQL;
using Ipp.Graph.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Ipp.Graph.Transport.Http;

/// <summary>Why an HTTP request gets no GraphQL response: the status, the error code and a message for the client.</summary>
public readonly record struct HttpProblem(int Status, string Code, string Message)
{
    public static HttpProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, TransportErrorCodes.BadRequest, message);

    public static HttpProblem UnsupportedMediaType(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType, message);

    public static HttpProblem PayloadTooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, TransportErrorCodes.PayloadTooLarge, $"The request body is larger than the limit of {limit} bytes.");

    public static HttpProblem NotAcceptable(string message) => new(StatusCodes.Status406NotAcceptable, TransportErrorCodes.NotAcceptable, message);

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
        StatusCodes.Status403Forbidden => AuthorizationErrorCodes.AuthNotAuthorized,
        StatusCodes.Status404NotFound => TransportErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => TransportErrorCodes.MethodNotAllowed,
        StatusCodes.Status406NotAcceptable => TransportErrorCodes.NotAcceptable,
        StatusCodes.Status413PayloadTooLarge => TransportErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => TransportErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimitErrorCodes.RateLimited,
        >= 500 => Engine.Error.ErrorCodes.InternalServerError,
        _ => TransportErrorCodes.BadRequest,
    };
}
