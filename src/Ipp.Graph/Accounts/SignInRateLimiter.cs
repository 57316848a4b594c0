using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.GraphQL;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Limits <c>createUser</c> and <c>authenticate</c> attempts per client address (a fixed window each; IPv6
/// clients by their /64 network, which one subscriber usually holds whole), against password guessing and
/// mass sign-ups. A refused attempt is a <c>RATE_LIMITED</c> error whose <c>retryAfter</c> gives the seconds to wait,
/// as does the HTTP response's <c>Retry-After</c> header (over plain HTTP; a WebSocket or event stream has none).
/// </summary>
public sealed class SignInRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public SignInRateLimiter(IOptions<AccountsOptions> options)
    {
        var settings = options.Value.RateLimit;
        _window = settings.Window;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(
            client,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>
    /// Counts an attempt from the request's client address; when it is one too many, sets the response's Retry-After
    /// and throws RATE_LIMITED.
    /// </summary>
    public void Acquire(ServerRequestContext request)
    {
        using var lease = _limiter.AttemptAcquire(PartitionOf(request.RemoteAddress));
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        request.ResponseHeaders?.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        throw new GraphQLError(
            $"Too many attempts from this address: try again in {seconds} seconds.",
            code: ServerErrorCodes.RateLimited,
            extensions: new Dictionary<string, object?> { ["retryAfter"] = seconds });
    }

    public void Dispose() => _limiter.Dispose();

    private static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
