using System.Globalization;
using System.Threading.RateLimiting;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// Limits attempts per key (a client address, a user id) to <see cref="RateLimitOptions.PermitLimit"/> in each fixed
/// window. The attempt one too many is a <see cref="RateLimitedError"/> whose <c>retryAfter</c> gives the seconds until
/// the window ends, as does the HTTP response's <c>Retry-After</c> header (plain HTTP only: a WebSocket or event
/// stream has no headers to set); refused attempts are not counted. Keys left idle are forgotten.
/// </summary>
public sealed class KeyedRateLimiter<TKey> : IDisposable
    where TKey : notnull
{
    private readonly PartitionedRateLimiter<TKey> _limiter;
    private readonly TimeSpan _window;
    private readonly string _refusal;

    /// <param name="settings">The limit and its window.</param>
    /// <param name="refusal">What the error says before ": try again in N seconds.": "Too many attempts from this address".</param>
    public KeyedRateLimiter(RateLimitOptions settings, string refusal)
    {
        _window = settings.Window;
        _refusal = refusal;
        _limiter = PartitionedRateLimiter.Create<TKey, TKey>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Counts an attempt for <paramref name="key"/>; throws a <see cref="RateLimitedError"/> (in a <see cref="MutationException"/>) when it is one too many.</summary>
    /// <param name="key">Whose attempt it is.</param>
    /// <param name="request">The request attempting, whose response gets Retry-After when refused.</param>
    public void Acquire(TKey key, ServerRequestContext request)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        request.ResponseHeaders?.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        throw new MutationException(new RateLimitedError($"{_refusal}: try again in {seconds} seconds.", seconds));
    }

    public void Dispose() => _limiter.Dispose();
}
