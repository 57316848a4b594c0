namespace Ipp.Graph.Experiments.Bulk;

/// <summary>The limit of bulk mutations on experiments (setting <c>Experiments:MaxBulkItems</c>).</summary>
public sealed class BulkExperimentsOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Experiments";

    /// <summary>The most experiments, and the most tags, one bulk mutation may name; more is <c>BULK_LIMIT_EXCEEDED</c>.</summary>
    public int MaxBulkItems { get; set; } = 100;

    internal void Validate()
    {
        if (MaxBulkItems is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"{Section}:MaxBulkItems must be between 1 and 10000; it is {MaxBulkItems}.");
        }
    }
}
