namespace Ipp.Graph.Applications;

/// <summary>
/// One of a user's earlier parameter sets for an application (the contract's <c>StoredParameterSet</c>): the
/// parameters JSON as an experiment stored it, and the newest of the user's experiments that stored exactly it.
/// </summary>
public sealed class StoredParameterSet
{
    /// <summary>The eid of the newest experiment with these parameters; unique per set, so it ends the list's order.</summary>
    public long ExperimentId { get; init; }

    /// <summary>The parameters as stored (<c>experiments.parameters</c>), compared as stored.</summary>
    public string ParametersJson { get; init; } = "";

    /// <summary>When that experiment was created (UTC).</summary>
    public DateTime LastUsedAt { get; init; }
}
