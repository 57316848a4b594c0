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

    /// <summary>Too many attempts from this client; <c>extensions.retryAfter</c> gives the seconds to wait.</summary>
    public const string RateLimited = "RATE_LIMITED";
}
