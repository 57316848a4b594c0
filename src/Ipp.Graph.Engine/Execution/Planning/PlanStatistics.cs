namespace Ipp.Graph.Engine.Execution.Planning;

/// <summary>Counts planning work, so tests can prove that cached documents are not planned again.</summary>
internal sealed class PlanStatistics
{
    private long _selectionSetsCollected;

    /// <summary>How many times fields were collected for a selection set and a runtime type.</summary>
    public long SelectionSetsCollected => Interlocked.Read(ref _selectionSetsCollected);

    public void SelectionSetCollected() => Interlocked.Increment(ref _selectionSetsCollected);
}
