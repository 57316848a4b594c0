using Ipp.Graph.GraphQL;
using Ipp.Graph.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Limits <c>createExperiment</c> calls per user (<c>Experiments:CreateRateLimit</c>), refused ones included, so
/// that no account can fill the disk and the database with a stream of creations that each pass the quota.
/// </summary>
public sealed class ExperimentCreationRateLimiter(IAttemptWindows windows, IOptions<ExperimentQuotaOptions> options)
{
    private readonly KeyedRateLimiter<long> _limiter = new(windows, options.Value.CreateRateLimit, "create-experiment", "Too many experiments created");

    /// <summary>Counts a call by the user; throws a <see cref="GraphQL.Mutations.RateLimitedError"/> when it is one too many.</summary>
    public ValueTask AcquireAsync(long userId, ServerRequestContext request) => _limiter.AcquireAsync(userId, request);
}
