using Ipp.Graph.Experiments;
using Ipp.Graph.Storage;
using Ipp.Graph.Transport.Http;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>Why a multipart request is refused, with the status and code of each reason.</summary>
internal static class UploadProblems
{
    public static readonly HttpProblem PreflightRequired = new(
        StatusCodes.Status400BadRequest,
        UploadErrorCodes.UploadPreflightRequired,
        "A multipart request must carry a non-empty GraphQL-Preflight (or Apollo-Require-Preflight) header, which a browser form cannot send: it protects against cross-site request forgery.");

    public static HttpProblem Invalid(string message) => new(StatusCodes.Status400BadRequest, UploadErrorCodes.UploadInvalid, message);

    public static HttpProblem FileTooLarge(string fieldName, long limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        UploadErrorCodes.UploadTooLarge,
        $"The file \"{fieldName}\" is larger than the limit of {limit} bytes per file.");

    public static HttpProblem TooManyFiles(int limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        UploadErrorCodes.UploadTooManyFiles,
        $"The request has more files than the limit of {limit}.");

    public static HttpProblem OperationsTooLarge(int limit) => new(
        StatusCodes.Status413PayloadTooLarge,
        TransportErrorCodes.PayloadTooLarge,
        $"The \"operations\" and \"map\" parts are larger than the limit of {limit} bytes.");

    /// <summary>The files could not be written (the log says where and why): the server's trouble, so a 503.</summary>
    public static readonly HttpProblem StorageUnavailable = new(
        StatusCodes.Status503ServiceUnavailable,
        StorageErrorCodes.StorageUnavailable,
        StorageUnavailableException.ClientMessage);

    public static HttpProblem QuotaExceeded(long remaining) => new(
        StatusCodes.Status413PayloadTooLarge,
        ExperimentsErrorCodes.QuotaExceeded,
        $"The files are larger than the {remaining} bytes you may still upload.");
}
