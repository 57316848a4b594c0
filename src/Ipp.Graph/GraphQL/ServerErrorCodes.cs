namespace Ipp.Graph.GraphQL;

/// <summary>
/// The <c>extensions.code</c> values the server's features give their errors (the engine's own are in
/// <see cref="Engine.Error.ErrorCodes"/>). Clients branch on them, so they never change once published.
/// </summary>
public static class ServerErrorCodes
{
    /// <summary>The field needs a signed-in caller and the request carries no valid token.</summary>
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>Another account already uses this email.</summary>
    public const string EmailTaken = "EMAIL_TAKEN";

    /// <summary>The email and password match no account.</summary>
    public const string InvalidCredentials = "INVALID_CREDENTIALS";

    /// <summary>The password breaks a rule (length, characters).</summary>
    public const string InvalidPassword = "INVALID_PASSWORD";

    /// <summary>The email is not a valid address.</summary>
    public const string InvalidEmail = "INVALID_EMAIL";

    /// <summary>Too many attempts in a short time; the error's <c>retryAfter</c> gives the seconds to wait.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The HTTP request is not a well-formed GraphQL request (malformed JSON, a parameter of the wrong type, no query).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>Nothing is served at this path.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The path does not answer this HTTP method (a mutation over GET, PUT on /graphql).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The response can be given in none of the media types the request's Accept header allows.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The request body is larger than the server accepts.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>The request body's media type (or its charset) is not one the server reads.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>A WebSocket connection already runs as many operations as it may; the new one was not started.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";

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

    /// <summary>
    /// What the request would store (files, experiment.json, texts) would take the caller over their storage quota
    /// (HTTP 413 when the multipart transport refuses the files as they arrive).
    /// </summary>
    public const string QuotaExceeded = "QUOTA_EXCEEDED";

    /// <summary>
    /// The server cannot write its storage now (a read-only or missing folder, a full disk, the file system's quota):
    /// nothing was stored, the request may be tried again later (HTTP 503 when the multipart transport cannot store the files).
    /// </summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>No application of the catalogue has this key.</summary>
    public const string ApplicationUnknown = "APPLICATION_UNKNOWN";

    /// <summary>The experiment's values break the application's definition; the error's <c>problems</c> list each.</summary>
    public const string InvalidParameters = "INVALID_PARAMETERS";

    /// <summary>No experiment of the caller's has this id (it never existed, was deleted, or is someone else's).</summary>
    public const string ExperimentNotFound = "EXPERIMENT_NOT_FOUND";

    /// <summary>Only a draft (EDITING) can be submitted.</summary>
    public const string ExperimentNotEditable = "EXPERIMENT_NOT_EDITABLE";

    /// <summary>The user has as many experiments as <c>Experiments:MaxPerUser</c> allows.</summary>
    public const string ExperimentLimitReached = "EXPERIMENT_LIMIT_REACHED";

    /// <summary>The backend may be working on the experiment (SUBMITTED or RUNNING): it cannot be deleted now.</summary>
    public const string ExperimentBusy = "EXPERIMENT_BUSY";

    /// <summary><c>nodes(ids:)</c> was given more ids than <c>Nodes:MaxIds</c> allows.</summary>
    public const string MaxNodeIdsExceeded = "MAX_NODE_IDS_EXCEEDED";

    /// <summary>A filter operation was given null where it cannot compare with null (HotChocolate's code).</summary>
    public const string FilterNullNotSupported = "HC0026";

    /// <summary><c>first</c> or <c>last</c> asks for more items than a page may hold (HotChocolate's code).</summary>
    public const string MaxPaginationItems = "HC0051";

    /// <summary>A cursor given as <c>after</c> or <c>before</c> is not one this list made (HotChocolate's code).</summary>
    public const string InvalidCursor = "HC0078";

    /// <summary><c>first</c> or <c>last</c> is negative (HotChocolate's code).</summary>
    public const string MinPaginationItems = "HC0079";
}
