namespace Ipp.Graph.RateLimiting;

/// <summary>
/// The <c>extensions.code</c> value of an attempt over a rate limit.
/// </summary>
public static class RateLimitErrorCodes
{
    /// <summary>Too many attempts in a short time; the error's <c>retryAfter</c> gives the seconds to wait.</summary>
    public const string RateLimited = "RATE_LIMITED";
}
