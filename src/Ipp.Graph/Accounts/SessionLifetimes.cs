using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The end of each session as what it opened waits for it (<c>sessionEnded</c>, and the transports through
/// <see cref="ISessionLifetimes"/>): the signal of <see cref="SessionEndings"/> (a sign-out, a new sign-in), or the
/// session's expiry, which nothing else announces. One watch per session, however many wait, reads the clock again
/// at least every <see cref="AccountsOptions.ExpiryCheckInterval"/> and expires the session once it is due.
/// </summary>
public sealed class SessionLifetimes : ISessionLifetimes
{
    private readonly ConcurrentDictionary<long, Lazy<Task<SessionEndedEvent>>> _watches = new();
    private readonly SessionEndings _endings;
    private readonly AccountService _accounts;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _checkInterval;

    public SessionLifetimes(SessionEndings endings, AccountService accounts, TimeProvider clock, IOptions<AccountsOptions> options)
    {
        _endings = endings;
        _accounts = accounts;
        _clock = clock;
        _checkInterval = options.Value.ExpiryCheckInterval;
    }

    /// <summary>Completes with the event when the caller's session ends or expires (at once when it already has).</summary>
    public Task<SessionEndedEvent> WhenEnded(SignedInCaller caller)
    {
        var ended = _endings.WhenEnded(caller.SessionId, caller.SessionExpiresAt);
        return ended.IsCompleted
            ? ended
            : _watches.GetOrAdd(caller.SessionId, static (_, state) => new(() => state.Lifetimes.WatchAsync(state.Caller)), (Lifetimes: this, Caller: caller)).Value;
    }

    Task? ISessionLifetimes.WhenEnded(ClaimsPrincipal caller) =>
        SignedInCaller.TryRead(caller, out var signedIn) ? WhenEnded(signedIn) : null;

    private async Task<SessionEndedEvent> WatchAsync(SignedInCaller caller)
    {
        try
        {
            var ended = _endings.WhenEnded(caller.SessionId, caller.SessionExpiresAt);
            while (!ended.IsCompleted)
            {
                var remaining = caller.SessionExpiresAt - _clock.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    await _accounts.ExpireAsync(caller.SessionId, caller.SessionExpiresAt, CancellationToken.None);
                    break;
                }

                using var stopWaiting = new CancellationTokenSource();
                await Task.WhenAny(ended, Task.Delay(remaining < _checkInterval ? remaining : _checkInterval, _clock, stopWaiting.Token));
                await stopWaiting.CancelAsync();
            }

            return await ended;
        }
        finally
        {
            // Ended (or failed: the next one to wait starts a new watch).
            _watches.TryRemove(caller.SessionId, out _);
        }
    }
}
