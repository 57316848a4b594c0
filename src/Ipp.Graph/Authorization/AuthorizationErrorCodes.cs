namespace Ipp.Graph.Authorization;

/// <summary>The <c>extensions.code</c> values of refusals by the <see cref="AccessPolicy"/>.</summary>
public static class AuthorizationErrorCodes
{
    /// <summary>
    /// The caller is signed in but lacks a permission the field (or endpoint) needs; nothing was done. Not being signed
    /// in is <c>AUTH_NOT_AUTHENTICATED</c> (<see cref="GraphQL.ServerErrorCodes.AuthNotAuthenticated"/>).
    /// </summary>
    public const string AuthNotAuthorized = "AUTH_NOT_AUTHORIZED";
}
