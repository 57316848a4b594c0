using Ipp.Graph.GraphQL;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// Limits <c>createExperiment</c> calls per user (<c>Experiments:CreateRateLimit</c>), refused ones included, so
/// that no account can fill the disk and the database with a stream of creations that each pass the quota.
/// </summary>
public sealed class ExperimentCreationRateLimiter : IDisposable
{
    private readonly KeyedRateLimiter<long> _limiter;

    public ExperimentCreationRateLimiter(IOptions<ExperimentQuotaOptions> options) =>
        _limiter = new KeyedRateLimiter<long>(options.Value.CreateRateLimit, "Too many experiments created");

    /// <summary>Counts a call by the user; throws a <see cref="GraphQL.Mutations.RateLimitedError"/> when it is one too many.</summary>
    public void Acquire(long userId, ServerRequestContext request) => _limiter.Acquire(userId, request);

    public void Dispose() => _limiter.Dispose();
}
