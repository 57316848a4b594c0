using Ipp.Graph.RateLimiting;

namespace Ipp.Graph.Accounts;

/// <summary>The <c>Accounts</c> settings (appsettings.json documents each with its default).</summary>
public sealed class AccountsOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Accounts";

    /// <summary>bcrypt's cost (log2 of its rounds) for new hashes: 4 to 31.</summary>
    public int BcryptCost { get; set; } = 12;

    /// <summary>The fewest UTF-8 bytes a new password may have.</summary>
    public int MinPasswordLength { get; set; } = 8;

    /// <summary>How many passwords are hashed at once, on dedicated threads; 0 means one per processor.</summary>
    public int HashingConcurrency { get; set; }

    /// <summary>How long a token works after it is issued.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often the clock is read again to notice that a session which something waits on (<c>sessionEnded</c>, a
    /// WebSocket or SSE stream) expired, which then ends.
    /// </summary>
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The name of the cookie carrying the token for browsers.</summary>
    public string CookieName { get; set; } = "ipp_session";

    /// <summary>
    /// How many signed-in callers are remembered in memory, so that their requests need no database query to
    /// authenticate; 0 turns it off. Sessions end only through this server, which forgets them as they end.
    /// </summary>
    public int SessionCacheSize { get; set; } = 10_000;

    /// <summary>
    /// IPP's approval: a new account is PENDING (it signs in, holds no permission) until an administrator approves it.
    /// False: new accounts are APPROVED.
    /// </summary>
    public bool RequireApproval { get; set; }

    /// <summary>Attempts of <c>createUser</c> and <c>authenticate</c> together per client address, in a fixed window.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The number of hashing threads this setting asks for.</summary>
    internal int EffectiveHashingConcurrency => HashingConcurrency > 0 ? HashingConcurrency : Environment.ProcessorCount;

    /// <summary>Throws when a setting is out of range, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        if (BcryptCost is < 4 or > 31)
        {
            throw new InvalidOperationException($"Accounts:BcryptCost must be between 4 and 31; it is {BcryptCost}.");
        }

        if (MinPasswordLength is < 1 or > PasswordRules.MaxBytes)
        {
            throw new InvalidOperationException($"Accounts:MinPasswordLength must be between 1 and {PasswordRules.MaxBytes}; it is {MinPasswordLength}.");
        }

        if (HashingConcurrency < 0)
        {
            throw new InvalidOperationException($"Accounts:HashingConcurrency must be 0 (one per processor) or more; it is {HashingConcurrency}.");
        }

        if (SessionCacheSize < 0)
        {
            throw new InvalidOperationException($"Accounts:SessionCacheSize must be 0 (off) or more; it is {SessionCacheSize}.");
        }

        if (TokenLifetime <= TimeSpan.Zero || ExpiryCheckInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Accounts:TokenLifetime and Accounts:ExpiryCheckInterval must be positive.");
        }

        RateLimit.Validate($"{Section}:RateLimit");
    }
}
