using System.Collections.Concurrent;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// Records when tokens are used (<c>lastUsedAt</c>) without a write per request: this instance writes a token's time
/// at most once per <see cref="AccessTokensOptions.LastUsedPrecision"/>, and the write itself is a conditional update
/// (<c>WHERE last_used_at IS NULL OR last_used_at &lt;= now - precision</c>), so however many instances serve the token,
/// its row changes at most once per interval and never goes back in time.
/// </summary>
public sealed class AccessTokenUses(IDbContextFactory<IppDbContext> databases, TimeProvider clock, IOptions<AccessTokensOptions> options)
{
    private readonly ConcurrentDictionary<long, long> _lastWrittenTicks = new();
    private readonly TimeSpan _precision = options.Value.LastUsedPrecision;

    /// <summary>Notes a use of the token now; writes it when this instance has not within the interval.</summary>
    public async ValueTask RecordAsync(long tokenId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNowToMillisecond();
        var last = _lastWrittenTicks.GetValueOrDefault(tokenId, long.MinValue);
        if (last != long.MinValue && now.Ticks - last < _precision.Ticks)
        {
            return;
        }

        // Of two requests here at once, the one that moves the mark writes.
        if (!(last == long.MinValue ? _lastWrittenTicks.TryAdd(tokenId, now.Ticks) : _lastWrittenTicks.TryUpdate(tokenId, now.Ticks, last)))
        {
            return;
        }

        var due = now - _precision;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.AccessTokens
            .Where(token => token.Id == tokenId && (token.LastUsedAt == null || token.LastUsedAt <= due))
            .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.LastUsedAt, now), cancellationToken);
    }

    /// <summary>Forgets a token that ended (its row is gone).</summary>
    public void Forget(long tokenId) => _lastWrittenTicks.TryRemove(tokenId, out _);
}
