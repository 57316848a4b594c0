namespace Ipp.Graph.Storage.Blobs;

/// <summary>Which store holds the library's bytes.</summary>
public enum BlobStorageProvider
{
    /// <summary>A local folder: <see cref="LocalBlobStore"/>.</summary>
    Local,

    /// <summary>A WebDAV server (dCache or any other): <see cref="WebDavBlobStore"/>.</summary>
    WebDav,
}

/// <summary>The <c>Storage</c> settings: where the library's bytes live (<see cref="IBlobStore"/>).</summary>
public sealed class BlobStorageOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Storage";

    public BlobStorageProvider Provider { get; set; } = BlobStorageProvider.Local;

    public LocalBlobStorageOptions Local { get; set; } = new();

    public WebDavBlobStorageOptions WebDav { get; set; } = new();

    /// <summary>Throws when a setting is out of range or missing, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Provider))
        {
            throw new InvalidOperationException("Storage:Provider must be Local or WebDav.");
        }

        if (Provider == BlobStorageProvider.Local && string.IsNullOrWhiteSpace(Local.Path))
        {
            throw new InvalidOperationException("Storage:Local:Path must name a folder when Storage:Provider is Local.");
        }

        if (Provider == BlobStorageProvider.WebDav)
        {
            WebDav.Validate();
        }
    }
}

/// <summary>The <c>Storage:Local</c> settings.</summary>
public sealed class LocalBlobStorageOptions
{
    /// <summary>The folder of the blobs, relative to the working directory unless absolute.</summary>
    public string Path { get; set; } = "data/blobs";
}

/// <summary>The <c>Storage:WebDav</c> settings: the server, how to sign in, how long to wait and how often to try again.</summary>
public sealed class WebDavBlobStorageOptions
{
    /// <summary>The collection the blobs go in (<c>https://dcache.example.org:2880/ipp/library/</c>); it must exist.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The user name for HTTP Basic authentication; with <see cref="Password"/>.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>A bearer token instead of a user name (a dCache macaroon, an OIDC access token).</summary>
    public string? BearerToken { get; set; }

    /// <summary>How long opening a connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may stay silent (no byte taken or sent, no answer) before the transfer counts as failed; a large transfer may take any time as long as it moves.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a request that may safely be repeated (all but the upload itself) is tried again after a network failure or a 502, 503, 504.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The wait before the first retry, doubled before each next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When the server offers no SHA-256 of an upload (RFC 3230 <c>Want-Digest</c>, as dCache does), read the upload
    /// back and hash it: true (safe, twice the traffic) or false (the size alone is checked).
    /// </summary>
    public bool VerifyByReadingBack { get; set; } = true;

    /// <summary>
    /// Whether a password or bearer token may be sent over plain http to a host other than this machine, where anyone
    /// on the path reads it (false: such a setting stops the start; use https).
    /// </summary>
    public bool AllowUnencryptedCredentials { get; set; }

    /// <summary>The base address, ending with a slash (checked at start).</summary>
    internal Uri BaseUri => new(BaseUrl!.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    internal void Validate()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new InvalidOperationException("Storage:WebDav:BaseUrl must be the absolute http or https address of a collection, without query or fragment, when Storage:Provider is WebDav.");
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            throw new InvalidOperationException("Storage:WebDav:UserName and Storage:WebDav:Password go together: give both or neither.");
        }

        if (!string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(BearerToken))
        {
            throw new InvalidOperationException("Storage:WebDav: give either UserName and Password or BearerToken, not both.");
        }

        var hasCredentials = !string.IsNullOrEmpty(Password) || !string.IsNullOrEmpty(BearerToken);
        if (hasCredentials && url.Scheme == "http" && !url.IsLoopback && !AllowUnencryptedCredentials)
        {
            throw new InvalidOperationException(
                $"Storage:WebDav:BaseUrl is plain http to {url.Host}, which would send the password or bearer token unencrypted: use https, or set Storage:WebDav:AllowUnencryptedCredentials=true if the network is trusted.");
        }

        if (ConnectTimeout <= TimeSpan.Zero || IdleTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Storage:WebDav:ConnectTimeout and Storage:WebDav:IdleTimeout must be longer than 0.");
        }

        if (Retries is < 0 or > 10 || RetryDelay < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Storage:WebDav:Retries must be between 0 and 10 and Storage:WebDav:RetryDelay 0 or longer.");
        }
    }
}
