namespace Ipp.Graph.GraphQL;

/// <summary>
/// The <c>extensions.code</c> values of the request kernel, which every feature and transport gives. The engine's own
/// are in <see cref="Engine.Error.ErrorCodes"/>, each feature's in its folder, in a class named <c>…ErrorCodes</c>.
/// Clients branch on them, so they never change once published.
/// </summary>
public static class ServerErrorCodes
{
    /// <summary>The field needs a signed-in caller and the request carries no valid token.</summary>
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary><c>nodes(ids:)</c> was given more ids than <c>Nodes:MaxIds</c> allows.</summary>
    public const string MaxNodeIdsExceeded = "MAX_NODE_IDS_EXCEEDED";
}
