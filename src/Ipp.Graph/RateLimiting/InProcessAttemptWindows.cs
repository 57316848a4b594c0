using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Ipp.Graph.RateLimiting;

/// <summary>The counts of a server alone on its database (SQLite): .NET's fixed-window limiters, one per key, in memory; keys left idle are forgotten.</summary>
public sealed class InProcessAttemptWindows : IAttemptWindows, IDisposable
{
    private readonly ConcurrentDictionary<RateLimitOptions, PartitionedRateLimiter<string>> _limiters = new();

    public ValueTask<TimeSpan?> TryCountAsync(string key, RateLimitOptions settings, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd(settings, static settings => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
        using var lease = limiter.AttemptAcquire(key);
        return ValueTask.FromResult<TimeSpan?>(
            lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
