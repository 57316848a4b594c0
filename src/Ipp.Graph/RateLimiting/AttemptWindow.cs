namespace Ipp.Graph.RateLimiting;

/// <summary>
/// The current window of one rate-limited key (table <c>rate_limit_windows</c>), shared by the instances on
/// PostgreSQL: how many attempts it counted, and when it ends.
/// </summary>
public sealed class AttemptWindow
{
    /// <summary>The longest key: a limit's scope and its key (an IPv6 /64, a user id).</summary>
    public const int KeyMaxLength = 200;

    public required string Key { get; set; }

    /// <summary>When the window ends (UTC); the next attempt after it starts a new one.</summary>
    public DateTime EndsAt { get; set; }

    public int Count { get; set; }
}
