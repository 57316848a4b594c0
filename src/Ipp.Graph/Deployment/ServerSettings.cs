namespace Ipp.Graph.Deployment;

/// <summary>The "Server" settings: how clients reach this server, and its name among the instances.</summary>
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
    /// This instance's name among the instances sharing the database and the upload folder, unique among them and
    /// the same across its restarts: its working folders are <c>UPLOAD_FOLDER/.instances/&lt;name&gt;/</c>, which it
    /// cleans up when it starts. The machine's host name by default (distinct per container); set it when several
    /// instances run on one machine. Letters, digits, '.', '_' and '-', starting with a letter or digit, 64 at most.
    /// </summary>
    public string InstanceId { get; init; } = "";

    /// <summary><see cref="InstanceId"/>, or the machine's host name when it is empty.</summary>
    public string InstanceName => InstanceId.Length > 0 ? InstanceId : Environment.MachineName;

    /// <summary>
    /// What links start with: <see cref="PublicBaseUrl"/> as a URI (escaped) without its trailing slash; empty when
    /// links are relative.
    /// </summary>
    public string LinkBase => TryParse(out var url) ? url.GetLeftPart(UriPartial.Path).TrimEnd('/') : "";

    /// <summary>The settings of <paramref name="configuration"/>, checked (<see cref="Validate"/>).</summary>
    public static ServerSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ServerSettings>() ?? new ServerSettings();
        settings.Validate();
        return settings;
    }

    /// <summary>
    /// Throws when the instance's name is not one, or the URL is not an absolute http(s) URL without user, query or
    /// fragment, so a bad deployment fails at start.
    /// </summary>
    internal void Validate()
    {
        if (!IsInstanceId(InstanceName))
        {
            throw new InvalidOperationException(
                $"The setting {Section}:{nameof(InstanceId)} (empty: the host name) must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; \"{InstanceName}\" is not.");
        }

        if (PublicBaseUrl.Length > 0 && !TryParse(out _))
        {
            throw new InvalidOperationException(
                $"The setting {Section}:{nameof(PublicBaseUrl)} must be an absolute http or https URL without user, query or fragment (https://portal.example.org/api); \"{PublicBaseUrl}\" is not one.");
        }
    }

    private static bool IsInstanceId(string name) =>
        name.Length is > 0 and <= 64
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private bool TryParse(out Uri url) =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.UserInfo.Length == 0
        && PublicBaseUrl.IndexOfAny(['?', '#']) < 0;
}
