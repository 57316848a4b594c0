namespace Ipp.Graph.Experiments.Entities;

/// <summary>A tag of the library's (<see cref="Tags.Entities.Tag"/>) on an experiment (table <c>experiment_tags</c>).</summary>
public sealed class ExperimentTag
{
    public long ExperimentId { get; set; }

    public long TagId { get; set; }
}
