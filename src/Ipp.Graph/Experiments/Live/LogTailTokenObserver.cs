using System.Collections.Concurrent;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Picas;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Tells this instance's <c>experimentLog</c> subscriptions of an experiment on the token pool that its token has a
/// new revision (a pilot may have attached or replaced a log), so each reads what is new from the pool itself.
/// Registered as a pool observer only with a pool: every instance's changes follower hands every change to its own
/// observers (<see cref="PicasChangesFollower"/>), so a subscriber hears of a revision on whichever instance it is
/// connected to, and nothing travels between instances but the status events.
/// </summary>
public sealed class LogTailTokenObserver : IPicasTokenObserver
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Action, byte>> _byExperiment = new();

    /// <summary>Calls <paramref name="changed"/> at each revision of experiment <paramref name="experimentId"/>'s token until disposed.</summary>
    public IDisposable Listen(long experimentId, Action changed)
    {
        lock (_byExperiment)
        {
            _byExperiment.GetOrAdd(experimentId, static _ => new()).TryAdd(changed, 0);
        }

        return new Listening(this, experimentId, changed);
    }

    public Task TokenChangedAsync(PicasTokenState token, CancellationToken cancellationToken)
    {
        Tell(token.Id);
        return Task.CompletedTask;
    }

    public Task TokenDeletedAsync(string id, CancellationToken cancellationToken)
    {
        Tell(id);
        return Task.CompletedTask;
    }

    private void Tell(string tokenId)
    {
        if (ExperimentTokens.TryParse(tokenId, out var experimentId) && _byExperiment.TryGetValue(experimentId, out var listeners))
        {
            foreach (var (changed, _) in listeners)
            {
                changed();
            }
        }
    }

    private void Stop(long experimentId, Action changed)
    {
        lock (_byExperiment)
        {
            if (_byExperiment.TryGetValue(experimentId, out var listeners) && listeners.TryRemove(changed, out _) && listeners.IsEmpty)
            {
                _byExperiment.TryRemove(experimentId, out _);
            }
        }
    }

    private sealed class Listening(LogTailTokenObserver owner, long experimentId, Action changed) : IDisposable
    {
        private int _stopped;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                owner.Stop(experimentId, changed);
            }
        }
    }
}
