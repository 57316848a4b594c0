namespace Ipp.Graph.Picas;

/// <summary>
/// The <c>Picas</c> settings: the PiCaS token pool (a CouchDB database) that tasks on container images go to, how to
/// sign in to it, and how long to wait and how often to try again. Without a <see cref="Url"/> there is no pool: the
/// server runs without one, as the embedded default does.
/// </summary>
public sealed class PicasOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Picas";

    /// <summary>The CouchDB server (<c>https://picas.surfsara.nl:6984/</c>); empty: no token pool.</summary>
    public string? Url { get; set; }

    /// <summary>The pool's database on that server, created at start when missing.</summary>
    public string Database { get; set; } = "ipp-tokens";

    /// <summary>The user name for HTTP Basic authentication; with <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one request to the pool may take (a long poll of the changes feed gets its wait on top).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a request is tried again after a network failure, a timeout or a 5xx.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The wait before the first retry, doubled before each next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the server waits before it tries again to set the pool up (database, design document) after the pool could not be reached.</summary>
    public TimeSpan SetupRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox's worker looks for tokens to post besides when it is woken (other instances' tokens, retries).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts to post one token (the wait doubles from <see cref="RetryDelay"/>).</summary>
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many tokens the outbox's worker posts in one request (<c>_bulk_docs</c>).</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How long one long poll of the changes feed waits for a change.</summary>
    public TimeSpan ChangesWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the tokens in the views locked, done and error are handed to the observer again, for what the feed might have missed; 0: never.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most bytes of one log a pilot attached to a token that <c>Experiment.logs</c> reads from the pool (the
    /// rest is left out, and the log says it was cut).
    /// </summary>
    public int MaxLogBytes { get; set; } = 65_536;

    /// <summary>
    /// Whether the password may be sent over plain http to a host other than this machine, where anyone on the path
    /// reads it (false: such a setting stops the start; use https).
    /// </summary>
    public bool AllowUnencryptedCredentials { get; set; }

    /// <summary>True when a pool is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The server's address, ending with a slash (checked at start); it carries no credentials.</summary>
    internal Uri ServerUri => new(Url!.EndsWith('/') ? Url : Url + "/");

    /// <summary>Throws when a setting is out of range or missing, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (!IsConfigured)
        {
            return;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new InvalidOperationException("Picas:Url must be the absolute http or https address of a CouchDB server, without query or fragment.");
        }

        if (url.UserInfo.Length > 0)
        {
            throw new InvalidOperationException("Picas:Url must not carry credentials (they would show in logs): give them as Picas:Username and Picas:Password.");
        }

        if (!IsValidDatabaseName(Database))
        {
            throw new InvalidOperationException(
                "Picas:Database must be a CouchDB database name: a lowercase letter, then lowercase letters, digits and _ $ ( ) + - / (at most 238 characters).");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            throw new InvalidOperationException("Picas:Username and Picas:Password go together: give both or neither.");
        }

        if (!string.IsNullOrEmpty(Password) && url.Scheme == "http" && !url.IsLoopback && !AllowUnencryptedCredentials)
        {
            throw new InvalidOperationException(
                $"Picas:Url is plain http to {url.Host}, which would send the password unencrypted: use https, or set Picas:AllowUnencryptedCredentials=true if the network is trusted.");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"Picas:RequestTimeout must be longer than 0 and at most an hour; it is {RequestTimeout}.");
        }

        if (Retries is < 0 or > 10 || RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException("Picas:Retries must be between 0 and 10 and Picas:RetryDelay between 0 and a minute.");
        }

        if (OutboxPollInterval < TimeSpan.FromMilliseconds(100) || OutboxPollInterval > TimeSpan.FromHours(1)
            || OutboxMaxRetryDelay < TimeSpan.FromSeconds(1) || OutboxMaxRetryDelay > TimeSpan.FromDays(1))
        {
            throw new InvalidOperationException("Picas:OutboxPollInterval must be between 0.1 second and an hour, Picas:OutboxMaxRetryDelay between a second and a day.");
        }

        if (OutboxBatchSize is < 1 or > 1000)
        {
            throw new InvalidOperationException($"Picas:OutboxBatchSize must be between 1 and 1000; it is {OutboxBatchSize}.");
        }

        if (ChangesWait < TimeSpan.FromSeconds(1) || ChangesWait > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"Picas:ChangesWait must be between a second and 10 minutes; it is {ChangesWait}.");
        }

        if (ReconcileInterval < TimeSpan.Zero || (ReconcileInterval > TimeSpan.Zero && ReconcileInterval < TimeSpan.FromSeconds(1)))
        {
            throw new InvalidOperationException($"Picas:ReconcileInterval must be 0 (never) or a second or longer; it is {ReconcileInterval}.");
        }

        if (SetupRetryInterval < TimeSpan.FromSeconds(1) || SetupRetryInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"Picas:SetupRetryInterval must be between a second and an hour; it is {SetupRetryInterval}.");
        }

        if (MaxLogBytes is < 1 or > 16_777_216)
        {
            throw new InvalidOperationException($"Picas:MaxLogBytes must be between 1 and 16777216 (16 MiB); it is {MaxLogBytes}.");
        }
    }

    /// <summary>CouchDB's rule for a database name (its documentation, "PUT /{db}").</summary>
    private static bool IsValidDatabaseName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= 238
        && name[0] is >= 'a' and <= 'z'
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '$' or '(' or ')' or '+' or '-' or '/');
}
