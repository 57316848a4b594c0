namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// The <c>extensions.code</c> values of multipart requests (the GraphQL multipart request spec) the transport refuses.
/// </summary>
public static class UploadErrorCodes
{
    /// <summary>A multipart request without a <c>GraphQL-Preflight</c> (or <c>Apollo-Require-Preflight</c>) header: refused against CSRF.</summary>
    public const string UploadPreflightRequired = "UPLOAD_PREFLIGHT_REQUIRED";

    /// <summary>
    /// A malformed multipart request: <c>operations</c> or <c>map</c> missing or not JSON, a map path that holds no
    /// null, a file the map names that never came, a file part the map does not name, a truncated body.
    /// </summary>
    public const string UploadInvalid = "UPLOAD_INVALID";

    /// <summary>A file over <c>Uploads:MaxFileBytes</c> (HTTP 413).</summary>
    public const string UploadTooLarge = "UPLOAD_TOO_LARGE";

    /// <summary>More files in one request than <c>Uploads:MaxFiles</c> (HTTP 413).</summary>
    public const string UploadTooManyFiles = "UPLOAD_TOO_MANY_FILES";
}
