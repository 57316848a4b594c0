namespace Ipp.Graph.RateLimiting;

/// <summary>The settings of a <see cref="KeyedRateLimiter{TKey}"/>: so many attempts per key in each fixed window.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Attempts one key may make per window.</summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window's length.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Throws when a setting is out of range; <paramref name="section"/> names them: <c>Accounts:RateLimit</c>.</summary>
    internal void Validate(string section)
    {
        if (PermitLimit < 1 || Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{section}:PermitLimit must be 1 or more and {section}:Window positive.");
        }
    }
}
