using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Experiments.Snapshots;

/// <summary><c>Experiment.ranApplication</c>: which version of the application an experiment runs (<see cref="RanApplication"/>).</summary>
public static class SnapshotsSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<RanApplication>("RanApplication")
            .Resolve("Experiment.ranApplication", context => new(RanApplication.Of(context.ParentAs<Experiment>())));
}
