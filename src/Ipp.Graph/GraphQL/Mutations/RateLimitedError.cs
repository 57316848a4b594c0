using Ipp.Graph.RateLimiting;

namespace Ipp.Graph.GraphQL.Mutations;

/// <summary>Too many attempts in a short time (the contract's <c>RateLimitedError</c>, code <c>RATE_LIMITED</c>).</summary>
/// <param name="message">What was limited and when to try again.</param>
/// <param name="retryAfter">The whole seconds to wait, at least 1.</param>
public sealed class RateLimitedError(string message, int retryAfter) : MutationError(message)
{
    public override string Code => RateLimitErrorCodes.RateLimited;

    /// <summary>The seconds to wait before trying again.</summary>
    public int RetryAfter { get; } = retryAfter;
}
