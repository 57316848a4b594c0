using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ipp.Graph.Library.Live;

/// <summary>
/// Hands each stored entry to this instance's <c>libraryEntryStored</c> subscriptions of its owner, and to no other:
/// a subscription is made for the signed-in subscriber's own id, never for one a client names.
/// </summary>
public sealed class StoredEntryHub
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    /// <summary>How many subscriptions of <paramref name="ownerId"/> are live (tests wait on it before uploading).</summary>
    public int CountOf(long ownerId) => _subscriptions.Keys.Count(subscription => subscription.OwnerId == ownerId);

    /// <summary>Delivers the event to the live subscriptions of its owner.</summary>
    public void Publish(LibraryEntryStored stored)
    {
        foreach (var entry in _subscriptions)
        {
            if (entry.Key.OwnerId == stored.OwnerId)
            {
                entry.Key.Events.Writer.TryWrite(stored);
            }
        }
    }

    /// <summary>Starts receiving the events of <paramref name="ownerId"/>'s entries; disposing the subscription stops it.</summary>
    public Subscription Subscribe(long ownerId)
    {
        var subscription = new Subscription(this, ownerId);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>One subscriber's events, in the order they were published.</summary>
    public sealed class Subscription(StoredEntryHub hub, long ownerId) : IDisposable
    {
        /// <summary>Whose entries it receives.</summary>
        public long OwnerId { get; } = ownerId;

        public Channel<LibraryEntryStored> Events { get; } = Channel.CreateUnbounded<LibraryEntryStored>(new() { SingleReader = true });

        public void Dispose()
        {
            hub._subscriptions.TryRemove(this, out _);
            Events.Writer.TryComplete();
        }
    }
}
