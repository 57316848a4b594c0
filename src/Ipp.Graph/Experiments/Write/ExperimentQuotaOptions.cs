namespace Ipp.Graph.Experiments.Write;

/// <summary>The per-user quota (settings section <c>Experiments</c>).</summary>
public sealed class ExperimentQuotaOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments";

    /// <summary>The bytes of input files a user's experiments may hold together; default 10 GiB.</summary>
    public long MaxUserBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    internal void Validate()
    {
        if (MaxUserBytes < 0)
        {
            throw new InvalidOperationException($"{Section}:MaxUserBytes must be 0 or more; it is {MaxUserBytes}.");
        }
    }
}
