using System.Collections.Concurrent;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The in-process record of sessions that ended while their token could still have worked, and the signal that
/// <see cref="SessionLifetimes"/> waits on for each session (for <c>sessionEnded</c> and the transports' streams).
/// Every end of a session goes through this server (one process owns the database), so a principal authenticated
/// earlier, such as a WebSocket connection's, can be checked against it without asking the database. An entry is
/// dropped once its session's expiry has passed: the expiry alone then tells that the session is over.
/// </summary>
public sealed class SessionEndings
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly TimeProvider _clock;
    private long _nextSweep;

    public SessionEndings(TimeProvider clock) => _clock = clock;

    /// <summary>Records that a session ended and tells its subscribers; later calls for the same session change nothing.</summary>
    public void End(long sessionId, DateTimeOffset expiresAt, SessionEndReason reason)
    {
        var entry = _entries.GetOrAdd(sessionId, static (_, expiry) => new Entry(expiry), expiresAt);
        entry.Ended.TrySetResult(new SessionEndedEvent(reason, _clock.GetUtcNow()));
        SweepWhenDue();
    }

    /// <summary>True when the session ended before its expiry.</summary>
    public bool HasEnded(long sessionId) => _entries.TryGetValue(sessionId, out var entry) && entry.Ended.Task.IsCompleted;

    /// <summary>True while the caller's session (or access token) has neither ended nor expired.</summary>
    public bool IsLive(SignedInCaller caller) => _clock.GetUtcNow() < caller.SessionExpiresAt && !HasEnded(caller.SessionId);

    /// <summary>The sessions someone here waits on that have not ended, with their expiry.</summary>
    public Dictionary<long, DateTimeOffset> OpenSessions() =>
        _entries.Where(entry => !entry.Value.Ended.Task.IsCompleted).ToDictionary(entry => entry.Key, entry => entry.Value.ExpiresAt);

    /// <summary>Completes with the event when the session ends (at once when it already has).</summary>
    public Task<SessionEndedEvent> WhenEnded(long sessionId, DateTimeOffset expiresAt)
    {
        SweepWhenDue();
        return _entries.GetOrAdd(sessionId, static (_, expiry) => new Entry(expiry), expiresAt).Ended.Task;
    }

    /// <summary>Drops the entries of sessions past their expiry, telling any subscriber still waiting that it expired.</summary>
    private void SweepWhenDue()
    {
        var now = _clock.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (sessionId, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entry.Ended.TrySetResult(new SessionEndedEvent(SessionEndReason.Expired, entry.ExpiresAt));
                _entries.TryRemove(new KeyValuePair<long, Entry>(sessionId, entry));
            }
        }
    }

    private sealed class Entry(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public TaskCompletionSource<SessionEndedEvent> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
