using System.Collections.Concurrent;
using System.Threading.Channels;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Telemetry;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Hands each committed <see cref="ExperimentEvent"/> to the live subscriptions of its owner, in process. The
/// events' rows are the durable record (a subscriber that reconnects reads what it missed from them); this only
/// saves live subscribers from polling.
/// </summary>
public sealed class ExperimentEventHub
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Subscription, byte>> _byUser = new();

    /// <summary>Delivers a committed event to every live subscription of its owner.</summary>
    public void Publish(ExperimentEvent change)
    {
        if (_byUser.TryGetValue(change.UserId, out var subscriptions))
        {
            // Enumerating the dictionary itself takes no lock and copies nothing (its Keys would be a copy).
            var announced = 0;
            foreach (var entry in subscriptions)
            {
                announced += entry.Key.Events.Writer.TryWrite(change) ? 1 : 0;
            }

            ExperimentEventMetrics.OnAnnounced(change, announced);
        }
    }

    /// <summary>
    /// What a subscription receives in place of an event when events may have gone by unannounced (the instances'
    /// bus lost its connection): it reads them from the table (<c>ExperimentStatusSubscription</c>).
    /// </summary>
    public static ExperimentEvent CatchUpMarker { get; } = new() { Id = -1 };

    /// <summary>Tells every live subscription to read what it may have missed from the table.</summary>
    public void CatchUp()
    {
        foreach (var (_, subscriptions) in _byUser)
        {
            foreach (var entry in subscriptions)
            {
                entry.Key.Events.Writer.TryWrite(CatchUpMarker);
            }
        }
    }

    /// <summary>Starts receiving the user's events; disposing the subscription stops it.</summary>
    public Subscription Subscribe(long userId)
    {
        var subscription = new Subscription(this, userId);
        lock (_byUser)
        {
            _byUser.GetOrAdd(userId, static _ => new()).TryAdd(subscription, 0);
        }

        return subscription;
    }

    /// <summary>How many live subscriptions the user has (tests wait on it before changing anything).</summary>
    public int CountSubscriptions(long userId) =>
        _byUser.TryGetValue(userId, out var subscriptions) ? subscriptions.Count : 0;

    private void Remove(Subscription subscription)
    {
        // Under the lock Subscribe takes, so a user's last subscription leaving drops their entry without racing a new one.
        lock (_byUser)
        {
            if (_byUser.TryGetValue(subscription.UserId, out var subscriptions)
                && subscriptions.TryRemove(subscription, out _)
                && subscriptions.IsEmpty)
            {
                _byUser.TryRemove(subscription.UserId, out _);
            }
        }
    }

    /// <summary>One subscriber's events, in the order they were published.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly ExperimentEventHub _hub;

        internal Subscription(ExperimentEventHub hub, long userId)
        {
            _hub = hub;
            UserId = userId;
        }

        public long UserId { get; }

        /// <summary>The events published since the subscription began.</summary>
        public Channel<ExperimentEvent> Events { get; } = Channel.CreateUnbounded<ExperimentEvent>(new() { SingleReader = true });

        public void Dispose()
        {
            _hub.Remove(this);
            Events.Writer.TryComplete();
        }
    }
}
