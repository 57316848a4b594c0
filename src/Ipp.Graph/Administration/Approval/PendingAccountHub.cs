using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ipp.Graph.Administration.Approval;

/// <summary>Hands each announced pending account to this instance's <c>accountPending</c> subscriptions.</summary>
public sealed class PendingAccountHub
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    /// <summary>Delivers the event to every live subscription.</summary>
    public void Publish(AccountPendingEvent pending)
    {
        foreach (var entry in _subscriptions)
        {
            entry.Key.Events.Writer.TryWrite(pending);
        }
    }

    /// <summary>Starts receiving events; disposing the subscription stops it.</summary>
    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>How many subscriptions are live (tests wait on it before creating an account).</summary>
    public int Count => _subscriptions.Count;

    /// <summary>One subscriber's events, in the order they were published.</summary>
    public sealed class Subscription(PendingAccountHub hub) : IDisposable
    {
        public Channel<AccountPendingEvent> Events { get; } = Channel.CreateUnbounded<AccountPendingEvent>(new() { SingleReader = true });

        public void Dispose()
        {
            hub._subscriptions.TryRemove(this, out _);
            Events.Writer.TryComplete();
        }
    }
}
