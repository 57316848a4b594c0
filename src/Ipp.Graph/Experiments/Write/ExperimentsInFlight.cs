using System.Collections.Concurrent;

namespace Ipp.Graph.Experiments.Write;

/// <summary>
/// The experiments this process is creating, submitting or deleting right now: their rows and folders are between
/// two states on purpose, so the recovery of what a crash left half-done leaves them alone.
/// </summary>
public sealed class ExperimentsInFlight
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    /// <summary>Marks the experiment as being worked on until the returned value is disposed.</summary>
    public IDisposable Begin(long experimentId)
    {
        _ids[experimentId] = 0;
        return new Mark(this, experimentId);
    }

    public bool Contains(long experimentId) => _ids.ContainsKey(experimentId);

    private sealed class Mark(ExperimentsInFlight owner, long experimentId) : IDisposable
    {
        public void Dispose() => owner._ids.TryRemove(experimentId, out _);
    }
}
