using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ipp.Graph.Deployment;

/// <summary>
/// The "ForwardedHeaders" settings: the reverse proxies whose X-Forwarded-For, -Proto, -Host and -Prefix headers
/// the server believes. Only a request arriving from one of them has its client address, scheme, host and path base
/// taken from those headers (a chain of listed proxies is followed back to the first address not listed); from any
/// other address the headers change nothing, whoever sent them. Default none: nobody, loopback included.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public string[] KnownProxies { get; init; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (<c>10.0.0.0/8</c>, <c>fd00::/8</c>).</summary>
    public string[] KnownNetworks { get; init; } = [];

    /// <summary>True when some proxy is trusted, so that forwarded headers are read at all.</summary>
    public bool TrustsAnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>Throws when an entry is not an address or a network, naming it, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        foreach (var proxy in KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                throw new InvalidOperationException(
                    $"The setting {Section}:{nameof(KnownProxies)} must list IP addresses (10.0.0.5, ::1); \"{proxy}\" is not one.");
            }
        }

        foreach (var network in KnownNetworks)
        {
            if (!IsNetwork(network))
            {
                throw new InvalidOperationException(
                    $"The setting {Section}:{nameof(KnownNetworks)} must list networks in CIDR notation, the address's bits past the prefix zero (10.0.0.0/8, fd00::/8); \"{network}\" is not one.");
            }
        }
    }

    /// <summary>
    /// The options (of settings that passed <see cref="Validate"/>) of ASP.NET Core's forwarded headers middleware
    /// that trust exactly these proxies: its defaults trust loopback, which would let any local process (or a proxy
    /// not meant to be trusted) name the client.
    /// </summary>
    internal ForwardedHeadersOptions ToOptions()
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix,
            ForwardLimit = null, // Each step back is checked against the trusted list; an unlisted address stops it.
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return options;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a network in CIDR notation whose address has no bit set past the prefix:
    /// <c>10.0.0.5/8</c> is refused rather than read as 10.0.0.0/8, since it more likely means one proxy than sixteen
    /// million.
    /// </summary>
    private static bool IsNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text, out var network)
        && IPAddress.TryParse(text.Split('/')[0], out var address)
        && address.Equals(network.BaseAddress);
}
