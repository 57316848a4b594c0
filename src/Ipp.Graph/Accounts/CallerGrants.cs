using System.Collections.Concurrent;

namespace Ipp.Graph.Accounts;

/// <summary>
/// The latest grants (roles, approval) announced for each user whose grants changed while this instance ran
/// (<see cref="IGrantAnnouncements"/>: on every instance), so that a caller read before the change (remembered by
/// <see cref="RememberedCallers"/>, or a WebSocket connection's) holds the new grants from its next request: every
/// request asks <see cref="Current"/> (<see cref="Callers.LiveCaller"/>). One small entry per changed user.
/// </summary>
public sealed class CallerGrants
{
    private readonly ConcurrentDictionary<long, Entry> _latest = new();

    /// <summary>Records a user's grants; an announcement older than the one recorded (a lower version) changes nothing.</summary>
    public void Record(long userId, UserGrants grants) =>
        _latest.AddOrUpdate(userId, static (_, grants) => new Entry(grants), static (_, known, grants) => grants.Version > known.Grants.Version ? new Entry(grants) : known, grants);

    /// <summary>The caller with the grants announced since it was read; the caller itself when none was.</summary>
    public SignedInCaller Current(SignedInCaller caller)
    {
        if (_latest.IsEmpty || !_latest.TryGetValue(caller.UserId, out var entry) || entry.Grants.Version <= caller.GrantsVersion)
        {
            return caller;
        }

        // The caller made last for this session is reused: a stale principal asks on every field of its requests.
        var made = entry.Made;
        if (made is null || made.SessionId != caller.SessionId)
        {
            made = caller.With(entry.Grants);
            entry.Made = made;
        }

        return made;
    }

    private sealed class Entry(UserGrants grants)
    {
        public UserGrants Grants { get; } = grants;

        public SignedInCaller? Made { get; set; }
    }
}
