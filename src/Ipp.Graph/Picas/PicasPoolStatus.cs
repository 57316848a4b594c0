namespace Ipp.Graph.Picas;

/// <summary>
/// What this instance last knew of the token pool, for the readiness check and the log: whether it is set up (its
/// database and design document are there) and, when it is not, the last failure.
/// </summary>
public sealed class PicasPoolStatus
{
    private volatile Snapshot _current = new(false, null);

    /// <summary>True once the database and the design document were found or made.</summary>
    public bool IsSetUp => _current.SetUp;

    /// <summary>Why the pool is not set up yet (the outcome and its reason), or null.</summary>
    public string? Failure => _current.Failure;

    internal void SetUp() => _current = new Snapshot(true, null);

    internal void Failed(string failure) => _current = new Snapshot(false, failure);

    private sealed record Snapshot(bool SetUp, string? Failure);
}
