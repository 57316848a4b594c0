namespace Ipp.Graph.Deployment;

/// <summary>The "Cors" settings: the other origins whose pages may use the API with the browser's credentials.</summary>
public sealed class CorsSettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "Cors";

    /// <summary>
    /// Origins (<c>https://portal.example.org</c>, <c>http://localhost:3000</c>) of single-page apps served elsewhere
    /// than this server: their scripts may call the API with the session cookie (CORS with credentials) and their
    /// WebSockets keep the cookie's caller. Any other page gets no CORS access and anonymous WebSockets. Default none.
    /// </summary>
    public string[] AllowedOrigins { get; init; } = [];

    /// <summary>Throws when an entry is not an origin, naming it, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!BrowserOrigins.TryNormalize(origin, out _))
            {
                throw new InvalidOperationException(
                    $"The setting {Section}:{nameof(AllowedOrigins)} must list origins, scheme://host[:port] only (https://portal.example.org); \"{origin}\" is not one.");
            }
        }
    }
}
