namespace Ipp.Graph.Deployment;

/// <summary>The "Server" settings: how clients reach this server.</summary>
public sealed class ServerSettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "Server";

    /// <summary>
    /// The URL clients reach the server at (<c>https://portal.example.org/api</c>), from which the links the API gives
    /// (download URLs) are built, absolute. Empty (the default): links are relative to the server's root
    /// (<c>/experiments/…</c>, under the path base a trusted proxy's X-Forwarded-Prefix gives). Never the Host header.
    /// </summary>
    public string PublicBaseUrl { get; init; } = "";

    /// <summary>
    /// What links start with: <see cref="PublicBaseUrl"/> as a URI (escaped) without its trailing slash; empty when
    /// links are relative.
    /// </summary>
    public string LinkBase => TryParse(out var url) ? url.GetLeftPart(UriPartial.Path).TrimEnd('/') : "";

    /// <summary>Throws when the URL is not an absolute http(s) URL without user, query or fragment, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        if (PublicBaseUrl.Length > 0 && !TryParse(out _))
        {
            throw new InvalidOperationException(
                $"The setting {Section}:{nameof(PublicBaseUrl)} must be an absolute http or https URL without user, query or fragment (https://portal.example.org/api); \"{PublicBaseUrl}\" is not one.");
        }
    }

    private bool TryParse(out Uri url) =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.UserInfo.Length == 0
        && PublicBaseUrl.IndexOfAny(['?', '#']) < 0;
}
