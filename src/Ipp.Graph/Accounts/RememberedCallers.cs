using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The signed-in callers this instance remembers by their token's hash (up to <see cref="AccountsOptions.SessionCacheSize"/>),
/// so a signed-in client's requests need no query. Per instance by design: a remembered caller is trusted only while
/// its session has neither expired nor ended (<see cref="SessionEndings"/>, which hears of every end, on whichever
/// instance it happened: <see cref="ISessionRevocations"/>).
/// </summary>
public sealed class RememberedCallers : IDisposable
{
    /// <summary>How long a remembered caller stays in memory without being used.</summary>
    private static readonly TimeSpan IdleTime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache? _cache;

    public RememberedCallers(IOptions<AccountsOptions> options) =>
        _cache = options.Value.SessionCacheSize > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SessionCacheSize }) : null;

    public bool TryGet(string tokenHash, out SignedInCaller? caller)
    {
        caller = null;
        return _cache is not null && _cache.TryGetValue(tokenHash, out caller) && caller is not null;
    }

    public void Remember(string tokenHash, SignedInCaller caller) =>
        _cache?.Set(tokenHash, caller, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleTime });

    public void Forget(string tokenHash) => _cache?.Remove(tokenHash);

    /// <summary>Forgets everyone: their next request reads their session again.</summary>
    public void ForgetAll() => _cache?.Compact(1.0);

    public void Dispose() => _cache?.Dispose();
}
