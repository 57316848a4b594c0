using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ipp.Graph.Experiments.Entities;

/// <summary>Stores an <see cref="ExperimentStatus"/> as its folder namespace (<c>submitted</c>).</summary>
public sealed class ExperimentStatusConverter : ValueConverter<ExperimentStatus, string>
{
    public ExperimentStatusConverter()
        : base(status => status.ToName(), name => Parse(name))
    {
    }

    private static ExperimentStatus Parse(string name) =>
        ExperimentStatusNames.TryParse(name, out var status)
            ? status
            : throw new InvalidOperationException($"The database holds an unknown experiment status '{name}'.");
}
