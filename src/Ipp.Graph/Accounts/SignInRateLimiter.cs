using System.Net;
using System.Net.Sockets;
using Ipp.Graph.GraphQL;
using Ipp.Graph.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Limits <c>createUser</c> and <c>authenticate</c> attempts per client address (a fixed window each; IPv6
/// clients by their /64 network, which one subscriber usually holds whole), against password guessing and
/// mass sign-ups. A refused attempt is a <see cref="GraphQL.Mutations.RateLimitedError"/>, which gives the seconds to
/// wait, as does the HTTP response's <c>Retry-After</c> header (<see cref="KeyedRateLimiter{TKey}"/>).
/// </summary>
public sealed class SignInRateLimiter(IAttemptWindows windows, IOptions<AccountsOptions> options)
{
    private readonly KeyedRateLimiter<string> _limiter = new(windows, options.Value.RateLimit, "sign-in", "Too many attempts from this address");

    /// <summary>Counts an attempt from the request's client address; refuses it when it is one too many.</summary>
    public ValueTask AcquireAsync(ServerRequestContext request) => _limiter.AcquireAsync(PartitionOf(request.RemoteAddress), request);

    /// <summary>The key an address is counted under: itself, or its /64 network for IPv6.</summary>
    internal static string PartitionOf(IPAddress? address)
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
